package org.rongdesk.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.event.InputEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import javax.swing.KeyStroke;

import org.junit.jupiter.api.Test;
import org.rongdesk.ui.i18n.Texts;

/**
 * The keymap: every entry parses, every menu command in it has words in both languages and one
 * key, no key means two things where both are active, and no key of the main window is Alt with
 * a menu's mnemonic.
 */
class KeymapTest {
    /**
     * Where keys are active together. A window's own keys (menu accelerators, keys bound on the
     * window, keys blocked there) are active wherever the focus is in it; each place's keys only
     * while the focus is in that place (a list, a field). Each name is an id or an id's prefix.
     */
    private record Window(String name, List<String> windowKeys, List<String> places) {
    }

    private static final List<Window> WINDOWS = List.of(
            new Window("main window", List.of("action", "split", "recent"), List.of("conversations", "history", "composer", "attach")),
            new Window("kiosk", List.of("action.nextRegion", "action.previousRegion", "kiosk"), List.of("history", "composer")),
            new Window("dialog", List.of("dialog"), List.of("switcher", "search.field", "search.results", "form", "discussion", "contacts")),
            new Window("signing in", List.of("signin"), List.of()));

    @Test
    void everyEntryParses() {
        assertThat(Keymap.ids()).hasSizeGreaterThan(40);
        for (String id : Keymap.ids()) {
            assertThat(Keymap.strokes(id)).as(id).isNotEmpty().doesNotContainNull().doesNotHaveDuplicates();
        }
        assertThat(Keymap.strokes("history.open")).containsExactly(KeyStroke.getKeyStroke("ENTER"), KeyStroke.getKeyStroke("SPACE"));
        assertThat(Keymap.stroke("action.sendImage")).isEqualTo(KeyStroke.getKeyStroke("ctrl shift I"));
    }

    @Test
    void everyMenuCommandHasOneKeyAndWordsInBothLanguages() throws IOException {
        Properties english = texts("Texts.properties");
        Properties chinese = texts("Texts_zh.properties");
        for (String id : Keymap.ids()) {
            if (id.startsWith("action.")) {
                assertThat(Keymap.accelerator(id)).as(id).isPresent();
                assertThat(english.getProperty(id)).as("English words for " + id).isNotBlank();
                assertThat(chinese.getProperty(id)).as("Chinese words for " + id).isNotBlank();
            }
        }
        assertThat(Keymap.accelerator("action.about")).as("a command without a shortcut").isEmpty();
    }

    @Test
    void noKeyMeansTwoThingsWhereBothAreActive() {
        for (Window window : WINDOWS) {
            assertDistinct(window.name(), window.windowKeys());
            for (String place : window.places()) {
                List<String> active = new ArrayList<>(window.windowKeys());
                active.add(place);
                assertDistinct(window.name() + ", " + place, active);
            }
        }
    }

    @Test
    void noKeyOfTheMainWindowIsAMenuMnemonic() throws IOException {
        Set<String> menus = new TreeSet<>(texts("Texts.properties").stringPropertyNames());
        menus.removeIf(key -> !key.startsWith("menu."));
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            Texts words = new Texts(locale);
            for (String menu : menus) {
                KeyStroke alt = KeyStroke.getKeyStroke(words.mnemonicOf(menu), InputEvent.ALT_DOWN_MASK);
                for (String id : Keymap.ids()) {
                    if (WINDOWS.get(0).windowKeys().stream().anyMatch(name -> matches(id, name))) {
                        assertThat(Keymap.strokes(id)).as("%s: %s opens %s", locale, alt, menu).doesNotContain(alt);
                    }
                }
            }
        }
    }

    @Test
    void everyIdIsActiveSomewhere() {
        for (String id : Keymap.ids()) {
            boolean placed = WINDOWS.stream().anyMatch(w -> w.windowKeys().stream().anyMatch(name -> matches(id, name))
                    || w.places().stream().anyMatch(name -> matches(id, name)));
            assertThat(placed).as(id + " is in no window of this test: add it where it is bound").isTrue();
        }
    }

    @Test
    void anUnknownIdOrABadKeyIsAnError() {
        assertThatThrownBy(() -> Keymap.strokes("no.such.command")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no.such.command");
        assertThatThrownBy(() -> Keymap.stroke("history.open")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("history.open");
        assertThatThrownBy(() -> Keymap.parse("test.bad", "ctrl ENTER, ctl X")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.bad").hasMessageContaining("ctl X");
        assertThatThrownBy(() -> Keymap.parse("test.empty", "ENTER,")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.empty");
    }

    /** No key stroke of the ids matching {@code names} belongs to two different ids. */
    private static void assertDistinct(String where, List<String> names) {
        Map<KeyStroke, String> owners = new HashMap<>();
        for (String id : Keymap.ids()) {
            if (names.stream().noneMatch(name -> matches(id, name))) {
                continue;
            }
            for (KeyStroke stroke : Keymap.strokes(id)) {
                String before = owners.putIfAbsent(stroke, id);
                assertThat(before).as("%s: %s is both %s and %s", where, stroke, before, id).isNull();
            }
        }
    }

    private static boolean matches(String id, String name) {
        return id.equals(name) || id.startsWith(name + ".");
    }

    private static Properties texts(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = KeymapTest.class.getResourceAsStream("/org/rongdesk/ui/i18n/" + file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
