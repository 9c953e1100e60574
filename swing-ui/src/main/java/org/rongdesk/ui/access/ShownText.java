package org.rongdesk.ui.access;

import java.beans.PropertyChangeListener;

import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.text.AbstractDocument;
import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.DocumentFilter;
import javax.swing.text.JTextComponent;

/**
 * Untrusted text (a peer's message, a user id, a room name, a plugin's words) as the client shows
 * and speaks it: bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
 * are removed, so text cannot reorder what follows it ("gnp.exe" shown as "exe.png"); C0 controls
 * other than tab and line breaks, and DEL, are shown as their visible symbols (U+2400 block: ␀,
 * ␛, ␡); C1 controls, lone surrogates and noncharacters as U+FFFD. Marks that only hint a
 * direction (U+200E, U+200F, U+061C) stay. The stored message is never changed: this is applied
 * where text is shown, by {@link A11y#plain} and {@link A11y#named} and the few places that show
 * text elsewhere (row names, announcements, tray notifications).
 */
public final class ShownText {
    private static final String GUARDED = "rongdesk.shownText";

    private ShownText() {
    }

    /** {@code text} made safe to show; the same string when nothing needed changing (null stays null). */
    public static String of(String text) {
        if (text == null || clean(text)) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                shown.append(c).append(text.charAt(++i));
            } else if (!isDirectionControl(c)) {
                shown.append(shown(c));
            }
        }
        return shown.toString();
    }

    /**
     * Makes every text later set on {@code component} (a label, a button, a text component) go
     * through {@link #of}, and the text it has now.
     */
    static void guard(JComponent component) {
        if (component.getClientProperty(GUARDED) != null) {
            return;
        }
        component.putClientProperty(GUARDED, Boolean.TRUE);
        // set again only when the rule changed the text (of answers the very same string otherwise): setting a
        // null text again fires its change again (null to null counts as a change), for ever
        if (component instanceof JLabel label) {
            PropertyChangeListener fix = e -> {
                String shown = of(label.getText());
                if (shown != label.getText()) {
                    label.setText(shown);
                }
            };
            label.addPropertyChangeListener("text", fix);
            label.setText(of(label.getText()));
        } else if (component instanceof AbstractButton button) {
            button.addPropertyChangeListener("text", e -> {
                String shown = of(button.getText());
                if (shown != button.getText()) {
                    button.setText(shown);
                }
            });
            button.setText(of(button.getText()));
        } else if (component instanceof JTextComponent text && text.getDocument() instanceof AbstractDocument document) {
            String now = text.getText();
            document.setDocumentFilter(new Filter());
            if (!clean(now)) {
                text.setText(now);
            }
        }
    }

    private static boolean clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (isDirectionControl(c) || shown(c) != c) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDirectionControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }

    /** How one character (not part of a surrogate pair, not a direction control) is shown. */
    private static char shown(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return c;
        }
        if (c < 0x20) {
            return (char) (0x2400 + c);
        }
        if (c == 0x7F) {
            return '\u2421';
        }
        if (c >= 0x80 && c <= 0x9F || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
            return '\uFFFD';
        }
        return c;
    }

    /** Passes what is inserted into a text component through {@link #of}. */
    private static final class Filter extends DocumentFilter {
        @Override
        public void insertString(FilterBypass bypass, int offset, String text, AttributeSet attributes)
                throws BadLocationException {
            super.insertString(bypass, offset, of(text), attributes);
        }

        @Override
        public void replace(FilterBypass bypass, int offset, int length, String text, AttributeSet attributes)
                throws BadLocationException {
            super.replace(bypass, offset, length, of(text), attributes);
        }
    }
}
