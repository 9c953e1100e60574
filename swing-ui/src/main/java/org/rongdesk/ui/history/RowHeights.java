package org.rongdesk.ui.history;

import java.awt.Dimension;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The sizes of message rows measured so far, so that a list that measures all its rows on every
 * change (Swing's does, and a page read at the top changes it) lays out each message's wrapped
 * text once. A size is kept per message and what its row shows (an edit, a recall or a thumbnail
 * that came is measured again), for one width, font and look: when any of these changes (the
 * window is resized, the text size or the theme changes) every row is measured again.
 */
final class RowHeights {
    /** Enough for the rows a history holds, and those of a search. */
    private static final int KEPT = 2000;

    /** What a row's size depends on besides its surroundings. */
    record Shown(long messageId, String header, String body, int pictureHeight) {
    }

    private final Map<Shown, Dimension> sizes = new LinkedHashMap<>(KEPT * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Shown, Dimension> eldest) {
            return size() > KEPT;
        }
    };
    private Object measuredFor;
    private int measured;

    /**
     * The size of the row showing {@code shown} in {@code surroundings} (width, font, look),
     * measured by {@code measure} the first time.
     */
    Dimension of(Shown shown, Object surroundings, Supplier<Dimension> measure) {
        if (!Objects.equals(surroundings, measuredFor)) {
            sizes.clear();
            measuredFor = surroundings;
        }
        Dimension size = sizes.get(shown);
        if (size == null) {
            size = measure.get();
            measured++;
            sizes.put(shown, new Dimension(size));
        }
        return new Dimension(size);
    }

    /** Rows measured so far (a test checks that paging does not measure the rows shown again). */
    int measured() {
        return measured;
    }
}
