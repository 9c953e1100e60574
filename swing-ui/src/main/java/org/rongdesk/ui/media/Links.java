package org.rongdesk.ui.media;

import java.awt.Desktop;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.swing.SwingUtilities;

import org.rongdesk.ui.app.UiContext;

/**
 * Opens web links from messages in the user's browser: only http and https (a message must not
 * start programs or open local files). Without a browser the link is copied instead, and said so.
 */
public final class Links {
    private static final Logger LOG = Logger.getLogger(Links.class.getName());

    private Links() {
    }

    /** Opens {@code link} (call on the EDT); what happened is announced. */
    public static void open(UiContext ui, String link) {
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException e) {
            ui.client().reportError(ui.texts().get("link.invalid", link));
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            ui.client().reportError(ui.texts().get("link.invalid", link));
            return;
        }
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            copy(ui, link);
            return;
        }
        ui.announcer().announce(ui.texts().get("link.opening"));
        // the browser may take seconds to answer: never on the EDT
        CompletableFuture.runAsync(() -> {
            try {
                Desktop.getDesktop().browse(uri);
            } catch (Exception e) {
                LOG.log(Level.INFO, "no browser opened " + uri, e);
                SwingUtilities.invokeLater(() -> copy(ui, link));
            }
        });
    }

    private static void copy(UiContext ui, String link) {
        Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(link), null);
        ui.announcer().announce(ui.texts().get("link.copied"));
    }
}
