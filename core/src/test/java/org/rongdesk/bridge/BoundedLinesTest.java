package org.rongdesk.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

/** Lines up to the limit are read whole; a longer one is skipped and the next read as usual. */
class BoundedLinesTest {
    @Test
    void aLineOverTheLimitIsSkippedAndReadingGoesOn() throws Exception {
        String gigantic = "y".repeat(50_000);
        BoundedLines lines = new BoundedLines(new StringReader("one\r\n" + gigantic + "\n\n" + "x".repeat(20_000) + "\nlast"),
                20_000);

        assertThat(lines.next()).isEqualTo("one");
        assertThatThrownBy(lines::next).isInstanceOfSatisfying(BoundedLines.TooLong.class,
                tooLong -> assertThat(tooLong.length()).isEqualTo(50_000));
        assertThat(lines.next()).isEmpty();
        assertThat(lines.next()).hasSize(20_000);
        assertThat(lines.next()).isEqualTo("last");
        assertThat(lines.next()).isNull();
    }
}
