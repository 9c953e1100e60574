package org.rongdesk.bridge;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ending in {@code \n} (a {@code \r} before it is dropped), each at most
 * {@code maxChars} long: the rest of a longer line is skipped without being held in memory, so
 * one gigantic line cannot exhaust the heap.
 */
final class BoundedLines {
    /** A line longer than the limit, skipped; {@link #length} is how long it was. */
    static final class TooLong extends Exception {
        private static final long serialVersionUID = 1L;
        private final long length;

        TooLong(long length) {
            super("a line of " + length + " characters", null, false, false);
            this.length = length;
        }

        long length() {
            return length;
        }
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int end;

    BoundedLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line, or null at the end of input. */
    String next() throws IOException, TooLong {
        StringBuilder line = new StringBuilder();
        long length = 0;
        boolean any = false;
        while (true) {
            if (position == end) {
                end = in.read(buffer);
                position = 0;
                if (end <= 0) {
                    end = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = position;
            while (position < end && buffer[position] != '\n') {
                position++;
            }
            int taken = position - start;
            length += taken;
            if (length <= maxChars) {
                line.append(buffer, start, taken);
            } else if (line.length() > 0) {
                line = new StringBuilder();
            }
            if (position < end) {
                position++;
                break;
            }
        }
        if (length > maxChars) {
            throw new TooLong(length);
        }
        int last = line.length() - 1;
        return last >= 0 && line.charAt(last) == '\r' ? line.substring(0, last) : line.toString();
    }
}
