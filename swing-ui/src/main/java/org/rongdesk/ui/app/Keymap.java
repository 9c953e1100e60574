package org.rongdesk.ui.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import javax.swing.KeyStroke;

/**
 * Every keyboard shortcut of the client, read once from {@code keymap.properties} beside this
 * class: a command's id to its keys in {@link KeyStroke#getKeyStroke(String)} form, several
 * separated by commas. A menu command's id is its text key ({@code action.sendImage}). An
 * unknown id or a key that does not parse is a programming error
 * ({@link IllegalArgumentException} naming it).
 */
public final class Keymap {
    private static final String FILE = "keymap.properties";
    private static final Map<String, String> ENTRIES = read();

    private Keymap() {
    }

    /** The one key of {@code id}. */
    public static KeyStroke stroke(String id) {
        List<KeyStroke> strokes = strokes(id);
        if (strokes.size() != 1) {
            throw new IllegalArgumentException("keymap: " + id + " has " + strokes.size() + " keys, not one");
        }
        return strokes.get(0);
    }

    /** The keys of {@code id}, in the keymap's order. */
    public static List<KeyStroke> strokes(String id) {
        String keys = ENTRIES.get(id);
        if (keys == null) {
            throw new IllegalArgumentException("keymap: no keys for " + id);
        }
        return parse(id, keys);
    }

    /** The menu accelerator of {@code id}: its one key, none when the keymap has no entry for it. */
    public static Optional<KeyStroke> accelerator(String id) {
        return ENTRIES.containsKey(id) ? Optional.of(stroke(id)) : Optional.empty();
    }

    /** Every id in the keymap, sorted. */
    public static Set<String> ids() {
        return ENTRIES.keySet();
    }

    /** {@code keys} ("ENTER, SPACE") as key strokes; {@code id} names the entry in the error. */
    static List<KeyStroke> parse(String id, String keys) {
        List<KeyStroke> strokes = new ArrayList<>();
        for (String key : keys.split(",", -1)) {
            KeyStroke stroke = KeyStroke.getKeyStroke(key.strip());
            if (stroke == null) {
                throw new IllegalArgumentException("keymap: " + id + " = " + keys + ": \"" + key.strip() + "\" is not a key stroke");
            }
            strokes.add(stroke);
        }
        return List.copyOf(strokes);
    }

    private static Map<String, String> read() {
        Properties properties = new Properties();
        try (InputStream in = Keymap.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("no " + FILE + " beside " + Keymap.class.getName());
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> entries = new TreeMap<>();
        for (String id : properties.stringPropertyNames()) {
            entries.put(id, properties.getProperty(id));
        }
        return Collections.unmodifiableMap(entries);
    }
}
