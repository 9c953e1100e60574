package org.rongdesk.ui.app;

import org.rongdesk.ui.access.Announcer;
import org.rongdesk.ui.access.OpeningKeys;
import org.rongdesk.ui.i18n.Texts;
import org.rongdesk.ui.settings.UiSettings;

/**
 * What every window and panel needs: the client, the words, the announcer and the settings.
 *
 * @param client    the signed-in client
 * @param texts     the UI's words in the chosen language
 * @param announcer what screen readers are told
 * @param settings  the user's preferences
 */
public record UiContext(Client client, Texts texts, Announcer announcer, UiSettings settings) {
    public UiContext {
        // every window is built with a context, so keys are watched before the first one is pressed
        OpeningKeys.install();
    }
}
