package org.rongdesk.ui.access;

import java.awt.Component;
import java.util.function.Function;

import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JList;

/**
 * A list renderer of one line of text that never renders a row starting with {@code <html>} as
 * HTML (rows of untrusted text), and whose rows read as list items rather than labels.
 */
public final class PlainRenderer extends DefaultListCellRenderer {
    private final Function<Object, String> words;

    /** Rows of their values' own text. */
    public PlainRenderer() {
        this(String::valueOf);
    }

    /** Rows of the text {@code words} gives each value (a user id said as "Bob (user id: bob)"). */
    public PlainRenderer(Function<Object, String> words) {
        this.words = words;
        A11y.plain(this);
    }

    @Override
    public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected, boolean focused) {
        return super.getListCellRendererComponent(list, value == null ? "" : words.apply(value), index, selected, focused);
    }

    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJLabel() {
                @Override
                public AccessibleRole getAccessibleRole() {
                    return AccessibleRole.LIST_ITEM;
                }
            };
        }
        return accessibleContext;
    }
}
