package org.rongdesk.ui.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.rongdesk.base.PrivateFiles;

/**
 * The user's preferences, read from and written to {@code <data dir>/ui.properties}. Values
 * out of range read as their defaults. Not thread-safe: used on the EDT; {@link #save} writes a
 * small file.
 */
public final class UiSettings {
    private static final Logger LOG = Logger.getLogger(UiSettings.class.getName());

    /** Themes. */
    public enum Theme { LIGHT, DARK, HIGH_CONTRAST }

    /** Whose new messages are said: every conversation's, the open one's only, or none. */
    public enum Announce { ALL, FOCUSED, NONE }

    public static final int MIN_SCALE = 100;
    public static final int MAX_SCALE = 300;

    private final Path file;
    private Theme theme = Theme.LIGHT;
    private int fontScale = 100;
    private Announce announce = Announce.ALL;
    private boolean speakConversationName = true;
    private boolean announceTyping;
    private boolean sounds = true;
    private boolean notifications = true;
    private String language = "";

    private UiSettings(Path file) {
        this.file = file;
    }

    /** The settings in {@code dataDir} (defaults when there are none yet). */
    public static UiSettings load(Path dataDir) {
        UiSettings settings = new UiSettings(dataDir.resolve("ui.properties"));
        if (Files.isRegularFile(settings.file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(settings.file, StandardCharsets.UTF_8)) {
                p.load(in);
                settings.theme = parse(Theme.class, p.getProperty("theme"), Theme.LIGHT);
                settings.fontScale = clampScale(p.getProperty("fontScale", "100"));
                settings.announce = parse(Announce.class, p.getProperty("announce"), Announce.ALL);
                settings.speakConversationName = Boolean.parseBoolean(p.getProperty("speakConversationName", "true"));
                settings.announceTyping = Boolean.parseBoolean(p.getProperty("announceTyping", "false"));
                settings.sounds = Boolean.parseBoolean(p.getProperty("sounds", "true"));
                settings.notifications = Boolean.parseBoolean(p.getProperty("notifications", "true"));
                settings.language = p.getProperty("language", "").matches("|en|zh") ? p.getProperty("language", "") : "";
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(Level.WARNING, "cannot read " + settings.file + "; using the defaults", e);
            }
        }
        return settings;
    }

    /** Writes the settings. */
    public void save() {
        Properties p = new Properties();
        p.setProperty("theme", theme.name());
        p.setProperty("fontScale", Integer.toString(fontScale));
        p.setProperty("announce", announce.name());
        p.setProperty("speakConversationName", Boolean.toString(speakConversationName));
        p.setProperty("announceTyping", Boolean.toString(announceTyping));
        p.setProperty("sounds", Boolean.toString(sounds));
        p.setProperty("notifications", Boolean.toString(notifications));
        p.setProperty("language", language);
        try {
            Path dir = file.getParent();
            PrivateFiles.directories(dir, dir); // the data directory: the store goes there too
            if (Files.exists(file)) {
                PrivateFiles.tighten(file);
            } else {
                PrivateFiles.newFile(file);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "Rong Desk settings");
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot write " + file, e);
        }
    }

    public Theme theme() {
        return theme;
    }

    public void setTheme(Theme theme) {
        this.theme = theme;
    }

    /** Text size in percent, 100 to 300. */
    public int fontScale() {
        return fontScale;
    }

    public void setFontScale(int percent) {
        this.fontScale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, percent));
    }

    public Announce announce() {
        return announce;
    }

    public void setAnnounce(Announce announce) {
        this.announce = announce;
    }

    /** Whether a message of a conversation other than the open one is said with its conversation's name first (default on). */
    public boolean speakConversationName() {
        return speakConversationName;
    }

    public void setSpeakConversationName(boolean speak) {
        this.speakConversationName = speak;
    }

    /** Whether "bob is typing…" is said as well as shown (default off, as in Orca). */
    public boolean announceTyping() {
        return announceTyping;
    }

    public void setAnnounceTyping(boolean announce) {
        this.announceTyping = announce;
    }

    public boolean sounds() {
        return sounds;
    }

    public void setSounds(boolean sounds) {
        this.sounds = sounds;
    }

    public boolean notifications() {
        return notifications;
    }

    public void setNotifications(boolean notifications) {
        this.notifications = notifications;
    }

    /** "" (follow the system), "en" or "zh". */
    public String language() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language.matches("|en|zh") ? language : "";
    }

    /** The locale the UI speaks: the chosen language, else the system's. */
    public Locale locale() {
        return language.isEmpty() ? Locale.getDefault() : Locale.forLanguageTag(language);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        try {
            return value == null ? fallback : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static int clampScale(String value) {
        try {
            return Math.max(MIN_SCALE, Math.min(MAX_SCALE, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
