package org.rongdesk.ui.main;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line: {@code [--config FILE] [--data DIR] [--token-file FILE] [--kiosk CHATROOM_ID]}.
 * A token is never taken on the command line itself (other users of the machine could read it in
 * the process list); {@code --token-file} names a file that holds it.
 *
 * @param config    the client config ({@code config.xml}); empty: asked at sign-in
 * @param data      where the user's data lives
 * @param tokenFile a file holding the token; empty: asked at sign-in
 * @param kioskRoom the chat room of kiosk mode; empty: the normal window
 */
public record LaunchOptions(Optional<Path> config, Path data, Optional<Path> tokenFile, Optional<String> kioskRoom) {
    /** The default data directory: {@code $XDG_DATA_HOME/rongdesk}, else {@code ~/.local/share/rongdesk}. */
    static Path defaultData() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("rongdesk");
    }

    /** Reads {@code args}; a wrong one is an {@link IllegalArgumentException} that says which. */
    public static LaunchOptions parse(String... args) {
        Optional<Path> config = Optional.empty();
        Path data = defaultData();
        Optional<Path> token = Optional.empty();
        Optional<String> kiosk = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length || args[i + 1].isBlank()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--config" -> config = Optional.of(Path.of(value));
                case "--data" -> data = Path.of(value);
                case "--token-file" -> token = Optional.of(Path.of(value));
                case "--kiosk" -> kiosk = Optional.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name
                        + " (use --config FILE, --data DIR, --token-file FILE, --kiosk CHATROOM_ID)");
            }
        }
        return new LaunchOptions(config, data, token, kiosk);
    }
}
