package org.rongdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void startsUnderASecondThenDoublesUpToAboutHalfAMinute() {
        Backoff backoff = new Backoff();
        long first = backoff.next().toMillis();
        long second = backoff.next().toMillis();
        assertThat(first).isBetween(400L, 600L);
        assertThat(second).isBetween(800L, 1200L);
        long last = 0;
        for (int i = 0; i < 40; i++) {
            last = backoff.next().toMillis();
        }
        assertThat(last).isBetween(24_000L, 36_000L);

        backoff.reset();
        assertThat(backoff.next().toMillis()).isBetween(400L, 600L);
    }
}
