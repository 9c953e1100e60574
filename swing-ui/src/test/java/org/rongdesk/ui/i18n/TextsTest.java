package org.rongdesk.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.rongdesk.ui.app.ConnectionState;
import org.rongdesk.ui.settings.UiSettings;

/** The English and Chinese words: the same keys in both, every enum said, mnemonics read right. */
class TextsTest {
    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(keys("Texts_zh.properties")).isEqualTo(keys("Texts.properties"));
    }

    @Test
    void everyStateThemeAndAnnounceChoiceHasWordsInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            Texts texts = new Texts(locale);
            for (ConnectionState state : ConnectionState.values()) {
                assertThat(texts.has(state.textKey())).as(state.textKey()).isTrue();
                assertThat(texts.has("kiosk.state." + state.name())).as("kiosk " + state).isTrue();
            }
            for (UiSettings.Theme theme : UiSettings.Theme.values()) {
                assertThat(texts.has("theme." + theme.name())).isTrue();
            }
            for (UiSettings.Announce announce : UiSettings.Announce.values()) {
                assertThat(texts.has("announce." + announce.name())).isTrue();
            }
        }
    }

    @Test
    void choosingEnglishOnAChineseSystemGivesEnglish() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(new Texts(Locale.ENGLISH).get("menu.file")).isEqualTo("File");
            assertThat(new Texts(Locale.forLanguageTag("zh")).get("menu.file")).isEqualTo("文件(F)");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void argumentsAndMnemonics() {
        Texts texts = new Texts(Locale.ENGLISH);
        assertThat(texts.get("window.unread", 1)).isEqualTo("1 unread");
        assertThat(texts.get("window.unread", 3)).isEqualTo("3 unread");
        assertThat(texts.get("no.such.key")).isEqualTo("no.such.key");
        assertThat(Texts.plain("Save && &quit")).isEqualTo("Save & quit");
        assertThat(Texts.mnemonic("Save && &quit")).isEqualTo(KeyEvent.VK_Q);
        assertThat(Texts.mnemonic("文件(&F)")).isEqualTo(KeyEvent.VK_F);
        assertThat(Texts.mnemonic("no marker")).isZero();
        assertThat(texts.mnemonicOf("menu.file")).isEqualTo(KeyEvent.VK_F);
    }

    private static Set<String> keys(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
