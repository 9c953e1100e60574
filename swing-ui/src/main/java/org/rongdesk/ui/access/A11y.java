package org.rongdesk.ui.access;

import java.awt.Component;
import java.awt.Container;

import javax.swing.JComponent;
import javax.swing.JLabel;

/** Small helpers that give components what screen readers and untrusted text need. */
public final class A11y {
    private A11y() {
    }

    /** Names {@code component} for screen readers (and describes it, when {@code description} is not null). */
    public static <C extends JComponent> C named(C component, String name, String description) {
        component.getAccessibleContext().setAccessibleName(ShownText.of(name));
        if (description != null) {
            component.getAccessibleContext().setAccessibleDescription(ShownText.of(description));
        }
        return component;
    }

    /** Names {@code component} for screen readers. */
    public static <C extends JComponent> C named(C component, String name) {
        return named(component, name, null);
    }

    /** A label that shows {@code text} as plain text even when it starts with {@code <html>}. */
    public static JLabel plainLabel(String text) {
        JLabel label = new JLabel();
        plain(label);
        label.setText(text);
        return label;
    }

    /**
     * {@link #plain} for {@code root} and every component in it (a view a plugin built from a
     * peer's content: its labels, buttons and text components, now; those it adds later are its
     * own responsibility).
     */
    public static void plainTree(Component root) {
        if (root instanceof JComponent component) {
            plain(component);
        }
        if (root instanceof Container container) {
            for (Component child : container.getComponents()) {
                plainTree(child);
            }
        }
    }

    /**
     * Shows {@code component}'s text as untrusted text: never rendered as HTML, and passed
     * through {@link ShownText} (now and whenever it changes).
     */
    public static <C extends JComponent> C plain(C component) {
        component.putClientProperty("html.disable", Boolean.TRUE);
        ShownText.guard(component);
        return component;
    }
}
