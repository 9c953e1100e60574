package org.rongdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings survive a restart; a damaged or hand-edited file never stops the client. */
class UiSettingsTest {
    @Test
    void savedSettingsReadBackAfterARestart(@TempDir Path dir) {
        UiSettings settings = UiSettings.load(dir);
        assertThat(settings.theme()).isEqualTo(UiSettings.Theme.LIGHT);
        assertThat(settings.fontScale()).isEqualTo(100);
        assertThat(settings.speakConversationName()).as("as before the setting existed").isTrue();
        assertThat(settings.announceTyping()).as("off, as in Orca").isFalse();
        settings.setTheme(UiSettings.Theme.HIGH_CONTRAST);
        settings.setFontScale(240);
        settings.setAnnounce(UiSettings.Announce.FOCUSED);
        settings.setSpeakConversationName(false);
        settings.setAnnounceTyping(true);
        settings.setSounds(false);
        settings.setNotifications(false);
        settings.setLanguage("zh");
        settings.save();

        UiSettings again = UiSettings.load(dir);
        assertThat(again.theme()).isEqualTo(UiSettings.Theme.HIGH_CONTRAST);
        assertThat(again.fontScale()).isEqualTo(240);
        assertThat(again.announce()).isEqualTo(UiSettings.Announce.FOCUSED);
        assertThat(again.speakConversationName()).isFalse();
        assertThat(again.announceTyping()).isTrue();
        assertThat(again.sounds()).isFalse();
        assertThat(again.notifications()).isFalse();
        assertThat(again.locale()).isEqualTo(Locale.forLanguageTag("zh"));
    }

    @Test
    void theSettingsFileAndANewDataDirectoryAreTheUsersOnly(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        UiSettings.load(data).save();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("ui.properties"))))
                .isEqualTo("rw-------");
        Files.setPosixFilePermissions(data.resolve("ui.properties"), PosixFilePermissions.fromString("rw-rw-rw-"));
        UiSettings.load(data).save();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("ui.properties"))))
                .as("a file made looser by hand is tightened").isEqualTo("rw-------");
    }

    @Test
    void outOfRangeAndUnknownValuesReadAsDefaultsOrLimits(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ui.properties"), "theme=PURPLE\nfontScale=900\nannounce=SHOUT\nlanguage=fr\n");
        UiSettings settings = UiSettings.load(dir);
        assertThat(settings.theme()).isEqualTo(UiSettings.Theme.LIGHT);
        assertThat(settings.fontScale()).isEqualTo(300);
        assertThat(settings.announce()).isEqualTo(UiSettings.Announce.ALL);
        assertThat(settings.language()).isEmpty();
        settings.setFontScale(20);
        assertThat(settings.fontScale()).isEqualTo(100);
    }
}
