package org.rongdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The command line: every option read, a wrong one named. */
class LaunchOptionsTest {
    @Test
    void readsEveryOption() {
        LaunchOptions options = LaunchOptions.parse("--config", "/c/config.xml", "--data", "/d", "--token-file", "/t/alice.token",
                "--kiosk", "lobby");
        assertThat(options.config()).contains(Path.of("/c/config.xml"));
        assertThat(options.data()).isEqualTo(Path.of("/d"));
        assertThat(options.tokenFile()).contains(Path.of("/t/alice.token"));
        assertThat(options.kioskRoom()).contains("lobby");
    }

    @Test
    void withoutOptionsAsksAtSignInAndKeepsDataInTheUsersDataDirectory() {
        LaunchOptions options = LaunchOptions.parse();
        assertThat(options.config()).isEmpty();
        assertThat(options.tokenFile()).isEmpty();
        assertThat(options.kioskRoom()).isEmpty();
        assertThat(options.data().getFileName()).hasToString("rongdesk");
    }

    @Test
    void aWrongOptionSaysWhich() {
        assertThatThrownBy(() -> LaunchOptions.parse("--token", "secret")).hasMessageContaining("--token");
        assertThatThrownBy(() -> LaunchOptions.parse("--kiosk")).hasMessageContaining("--kiosk needs a value");
    }
}
