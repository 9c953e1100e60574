package org.rongdesk.ui.access;

import java.awt.Color;
import java.awt.Component;
import java.awt.LayoutManager;

import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.ListCellRenderer;

/**
 * A list renderer made of several components that a screen reader still reads as one list item
 * with one line: the row's spoken text. A plain JPanel renderer would read as an unnamed
 * "panel"; the name is answered on demand rather than set, because setting it in every paint
 * floods the accessibility bus with events.
 */
public abstract class ListRow<T> extends JPanel implements ListCellRenderer<T> {
    private String spoken = "";

    protected ListRow(LayoutManager layout) {
        super(layout);
    }

    @Override
    public final Component getListCellRendererComponent(JList<? extends T> list, T value, int index, boolean selected,
            boolean focused) {
        spoken = ShownText.of(spoken(value));
        show(list, value, selected, focused);
        return this;
    }

    /** The row as one line, what a screen reader says. */
    public abstract String spoken(T value);

    /** Fills the row's components for {@code value}. */
    protected abstract void show(JList<? extends T> list, T value, boolean selected, boolean focused);

    /** Gives the row the list's colours (selected or not) and font, and the same to {@code parts}. */
    protected void styleLike(JList<?> list, boolean selected, JComponent... parts) {
        setBackground(selected ? list.getSelectionBackground() : list.getBackground());
        Color foreground = selected ? list.getSelectionForeground() : list.getForeground();
        for (JComponent part : parts) {
            part.setForeground(foreground);
            part.setFont(list.getFont());
        }
    }

    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJPanel() {
                @Override
                public String getAccessibleName() {
                    return spoken;
                }

                @Override
                public AccessibleRole getAccessibleRole() {
                    return AccessibleRole.LIST_ITEM;
                }
            };
        }
        return accessibleContext;
    }
}
