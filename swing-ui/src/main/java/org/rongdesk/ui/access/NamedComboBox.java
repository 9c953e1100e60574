package org.rongdesk.ui.access;

import java.awt.Component;
import java.util.function.Function;

import javax.accessibility.AccessibleContext;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JComboBox;
import javax.swing.JList;

/**
 * A combo box that shows its values in words and that a screen reader reads by its name and value
 * ("Theme: Light, combo box"), not by its value alone.
 *
 * <p>The Java ATK wrapper (java-atk-wrapper's {@code jaw_object_get_name}) replaces the name of a
 * combo box that has exactly one accessible child, its popup, with the selected item's: Orca said
 * "Light combo box" for the theme and never "Theme", whatever name was set. While the popup is
 * closed this one reports no children, so the wrapper keeps its name, which then carries the
 * value too (without the child Orca finds no value of its own). With the popup open the list is
 * there as usual.
 */
public class NamedComboBox<T> extends JComboBox<T> {
    private final transient Function<T, String> words;

    /** A box of {@code items}, each shown as {@code words} says. */
    @SafeVarargs
    public NamedComboBox(Function<T, String> words, T... items) {
        super(items);
        this.words = words;
        setRenderer(new DefaultListCellRenderer() {
            @Override
            @SuppressWarnings("unchecked")
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                    boolean focused) {
                return super.getListCellRendererComponent(list, value == null ? "" : words.apply((T) value), index,
                        selected, focused);
            }
        });
    }

    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComboBox() {
                @Override
                public int getAccessibleChildrenCount() {
                    return isPopupVisible() ? super.getAccessibleChildrenCount() : 0;
                }

                @Override
                public String getAccessibleName() {
                    String name = super.getAccessibleName();
                    @SuppressWarnings("unchecked")
                    T value = (T) getSelectedItem();
                    String shown = value == null ? "" : words.apply(value);
                    return name == null || name.isBlank() ? shown : shown.isEmpty() ? name : name + " " + shown;
                }
            };
        }
        return accessibleContext;
    }
}
