package org.rongdesk.ui.main;

import java.awt.Window;

import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;

import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.access.NamedComboBox;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.FormDialog;
import org.rongdesk.ui.settings.UiSettings;

/**
 * File → Settings: theme, text size, whose messages are spoken and how (with the conversation's
 * name, and whether typing is said), sounds, notifications, language; saved on OK.
 */
final class SettingsDialog {
    /** What changed, for the caller to apply. */
    record Changes(boolean view, boolean language) {
    }

    private final UiContext ui;
    private final FormDialog form;
    private final JComboBox<UiSettings.Theme> theme;
    private final JSpinner scale;
    private final JComboBox<UiSettings.Announce> announce;
    private final JCheckBox speakName;
    private final JCheckBox announceTyping;
    private final JCheckBox sounds;
    private final JCheckBox notifications;
    private final JComboBox<String> language;

    SettingsDialog(Window owner, UiContext ui) {
        this.ui = ui;
        UiSettings settings = ui.settings();
        form = new FormDialog(owner, ui, ui.texts().get("settings.title"));
        theme = new NamedComboBox<>(t -> ui.texts().get("theme." + t.name()), UiSettings.Theme.values());
        choice(form.field("settings.theme", theme), "settings.theme");
        theme.setSelectedItem(settings.theme());
        scale = form.field("settings.scale", new JSpinner(new SpinnerNumberModel(settings.fontScale(), UiSettings.MIN_SCALE,
                UiSettings.MAX_SCALE, 10)));
        A11y.named(((JSpinner.DefaultEditor) scale.getEditor()).getTextField(), ui.texts().get("settings.scale"));
        announce = new NamedComboBox<>(a -> ui.texts().get("announce." + a.name()), UiSettings.Announce.values());
        choice(form.field("settings.announce", announce), "settings.announce");
        announce.setSelectedItem(settings.announce());
        speakName = form.row(ui.texts().button(new JCheckBox(), "settings.speakName"));
        speakName.setSelected(settings.speakConversationName());
        announceTyping = form.row(ui.texts().button(new JCheckBox(), "settings.announceTyping"));
        announceTyping.setSelected(settings.announceTyping());
        sounds = form.row(ui.texts().button(new JCheckBox(), "settings.sounds"));
        sounds.setSelected(settings.sounds());
        notifications = form.row(ui.texts().button(new JCheckBox(), "settings.notifications"));
        notifications.setSelected(settings.notifications());
        language = new NamedComboBox<>(l -> ui.texts().get("language." + (l.isEmpty() ? "system" : l)), "", "en", "zh");
        choice(form.field("settings.language", language), "settings.language");
        language.setSelectedItem(settings.language());
    }

    /** Shows the dialog; on OK saves the settings and says what changed. */
    Changes ask() {
        if (!form.ask()) {
            return new Changes(false, false);
        }
        UiSettings settings = ui.settings();
        boolean view = settings.theme() != theme.getSelectedItem() || settings.fontScale() != (Integer) scale.getValue();
        boolean languageChanged = !settings.language().equals(language.getSelectedItem());
        settings.setTheme((UiSettings.Theme) theme.getSelectedItem());
        settings.setFontScale((Integer) scale.getValue());
        settings.setAnnounce((UiSettings.Announce) announce.getSelectedItem());
        settings.setSpeakConversationName(speakName.isSelected());
        settings.setAnnounceTyping(announceTyping.isSelected());
        settings.setSounds(sounds.isSelected());
        settings.setNotifications(notifications.isSelected());
        settings.setLanguage((String) language.getSelectedItem());
        settings.save();
        return new Changes(view, languageChanged);
    }

    /** Names {@code box} for screen readers (its values are in words already). */
    private void choice(JComboBox<?> box, String nameKey) {
        A11y.named((JComponent) box, ui.texts().get(nameKey));
    }
}
