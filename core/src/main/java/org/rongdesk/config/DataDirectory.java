package org.rongdesk.config;

import java.nio.file.Path;

/** Where a client keeps its data when not told: {@code $XDG_DATA_HOME/rongdesk}, else {@code ~/.local/share/rongdesk}. */
public final class DataDirectory {
    private DataDirectory() {
    }

    public static Path byDefault() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("rongdesk");
    }
}
