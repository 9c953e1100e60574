package org.rongdesk.base;

/**
 * Characters XML 1.0 cannot carry: C0 controls other than tab, line feed and carriage return,
 * U+FFFE, U+FFFF and unpaired surrogates. One of them in a stanza makes the server close the
 * stream (measured with ejabberd: the connection drops and the message fails), so parameters
 * holding one are refused and what goes on the wire is made safe.
 */
public final class XmlChars {
    private XmlChars() {
    }

    /** The index of the first character XML cannot carry, or -1. */
    public static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (!safe(c)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code text} itself when XML can carry it; else -10002 naming {@code field} and the character. */
    public static String require(String field, String text) throws RongException {
        int unsafe = firstUnsafe(text);
        if (unsafe >= 0) {
            throw RongException.invalid(problem(field, text, unsafe));
        }
        return text;
    }

    /** {@code field + " holds U+0001 at index 3, which XML cannot carry"}, for an error message. */
    public static String problem(String field, String text, int index) {
        return String.format("%s holds U+%04X at index %d, a character XML cannot carry", field, (int) text.charAt(index), index);
    }

    /**
     * JSON text with every character XML cannot carry written as a {@code \\uXXXX} escape: the same
     * JSON value, safe inside an element. (Outside strings JSON text is ASCII, so only string
     * contents change.)
     */
    public static String escapeInJson(String json) {
        return rewrite(json, true);
    }

    /** {@code text} with every character XML cannot carry replaced by U+FFFD. */
    public static String replaceUnsafe(String text) {
        return rewrite(text, false);
    }

    private static String rewrite(String text, boolean jsonEscape) {
        if (firstUnsafe(text) < 0) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                safe.append(c).append(text.charAt(++i));
            } else if (safe(c)) {
                safe.append(c);
            } else {
                safe.append(jsonEscape ? String.format("\\u%04x", (int) c) : "\uFFFD");
            }
        }
        return safe.toString();
    }

    private static boolean safe(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        return c != 0xFFFE && c != 0xFFFF && !Character.isSurrogate(c);
    }
}
