package org.rongdesk.ui.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.rongdesk.ui.app.Json;

/** A person as shown: a name on one line and not too long, the id when blank, only a kept file as picture. */
class PersonTest {
    @Test
    void aNameIsOneLineOfAtMost64Characters() {
        assertThat(new Person("bob", "  Bob\n\tBuilder  ", "").name()).isEqualTo("Bob Builder");
        assertThat(new Person("bob", " \n ", "").name()).as("blank: the id").isEqualTo("bob");
        assertThat(new Person("bob", "x".repeat(64), "").name()).isEqualTo("x".repeat(64));
        assertThat(new Person("bob", "😀".repeat(70), "").name()).as("characters, not UTF-16 units")
                .isEqualTo("😀".repeat(63) + "…");
        assertThat(Person.from(Json.of("userId", "carol")).name()).isEqualTo("carol");
    }

    @Test
    void onlyAFilePictureIsShown() {
        Path file = Path.of("/tmp/p/ab.png");
        assertThat(new Person("bob", "Bob", file.toUri().toString()).picture()).contains(file);
        assertThat(new Person("bob", "Bob", "https://example.com/me.png").picture()).as("never fetched").isEmpty();
        assertThat(new Person("bob", "Bob", "file:bad path").picture()).isEmpty();
        assertThat(new Person("bob", "Bob", "").picture()).isEmpty();
    }
}
