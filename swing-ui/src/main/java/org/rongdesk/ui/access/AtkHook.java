package org.rongdesk.ui.access;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Switches on the ATK wrapper (how Orca and other Linux screen readers reach a Swing program) when
 * it is installed. The launchers put its jar on the class path and its library directory on
 * {@code java.library.path} whenever they may exist; whether it is switched on is decided here,
 * because naming a wrapper that cannot load makes AWT refuse to start. Must run before anything
 * touches the AWT toolkit, which reads the property once.
 */
public final class AtkHook {
    static final String PROPERTY = "javax.accessibility.assistive_technologies";
    static final String WRAPPER = "org.GNOME.Accessibility.AtkWrapper";
    private static final Logger LOG = Logger.getLogger(AtkHook.class.getName());

    private AtkHook() {
    }

    /** Switches the wrapper on if it is installed, not already chosen and not refused by {@code RONGDESK_ATK=off}. */
    public static void enableIfInstalled() {
        boolean classFound = ClassLoader.getSystemResource(WRAPPER.replace('.', '/') + ".class") != null;
        if (decide(System.getProperty(PROPERTY), System.getenv("RONGDESK_ATK"), classFound,
                libraryDirs(System.getProperty("java.library.path", "")))) {
            System.setProperty(PROPERTY, WRAPPER);
            LOG.fine("ATK wrapper switched on");
        }
    }

    /** Whether to switch the wrapper on. */
    static boolean decide(String chosen, String env, boolean classFound, List<Path> libraryDirs) {
        if (chosen != null || "off".equalsIgnoreCase(env) || !classFound) {
            return false;
        }
        String library = System.mapLibraryName("atk-wrapper");
        return libraryDirs.stream().anyMatch(dir -> Files.isRegularFile(dir.resolve(library)));
    }

    static List<Path> libraryDirs(String libraryPath) {
        List<Path> dirs = new ArrayList<>();
        for (String entry : libraryPath.split(File.pathSeparator)) {
            try {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry));
                }
            } catch (InvalidPathException e) {
                LOG.fine(() -> "library path entry skipped: " + e.getMessage());
            }
        }
        return dirs;
    }
}
