package org.rongdesk.ui.testing;

import java.awt.AWTKeyStroke;
import java.awt.Component;
import java.awt.Container;
import java.awt.FocusTraversalPolicy;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.AbstractButton;
import javax.swing.Icon;
import javax.swing.ImageIcon;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.RootPaneContainer;
import javax.swing.plaf.basic.BasicHTML;

import org.assertj.swing.edt.GuiActionRunner;

/**
 * The in-JVM accessibility audit of a showing window (shared/notes/accessibility-testing.md):
 * every Tab stop named, Tab and Shift+Tab never swallowed, the focus cycle closes, list rows named
 * and read as list items, pictures described, icon-only controls named, nothing rendered as HTML,
 * and no "layered pane" for a screen reader to say (Orca spoke it on every window).
 */
public final class Audit {
    private static final int MAX_STOPS = 300;

    private Audit() {
    }

    /** What is wrong with {@code window}, one line each; empty when nothing is. Reads on the EDT. */
    public static List<String> problems(Window window) {
        return GuiActionRunner.execute(() -> {
            List<String> problems = new ArrayList<>();
            stops(window, problems);
            walk(window, problems);
            if (window instanceof RootPaneContainer container
                    && container.getLayeredPane().getAccessibleContext().getAccessibleRole() == AccessibleRole.LAYERED_PANE) {
                problems.add("its layers read as a layered pane: " + describe(window));
            }
            return problems;
        });
    }

    /** The window's Tab stops in order (the focus cycle from its first component). */
    public static List<Component> tabStops(Window window) {
        return GuiActionRunner.execute(() -> cycle(window));
    }

    /** The focus cycle; a null at the end when it did not close. */
    private static List<Component> cycle(Window window) {
        List<Component> stops = new ArrayList<>();
        FocusTraversalPolicy policy = window.getFocusTraversalPolicy();
        Component first = policy.getFirstComponent(window);
        if (first == null) {
            return stops;
        }
        Component at = first;
        while (at != null && stops.size() < MAX_STOPS) {
            stops.add(at);
            at = policy.getComponentAfter(window, at);
            if (at == first) {
                return stops;
            }
        }
        stops.add(null);
        return stops;
    }

    private static void stops(Window window, List<String> problems) {
        List<Component> stops = cycle(window);
        if (!stops.isEmpty() && stops.get(stops.size() - 1) == null) {
            problems.add("the focus cycle does not close after " + MAX_STOPS + " Tab stops");
            stops = stops.subList(0, stops.size() - 1);
        }
        for (Component stop : stops) {
            String name = name(stop);
            if (name == null || name.isBlank()) {
                problems.add("Tab stop without a name: " + describe(stop));
            }
            if (!keeps(stop, KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, AWTKeyStroke.getAWTKeyStroke(KeyEvent.VK_TAB, 0))
                    || !keeps(stop, KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS,
                            AWTKeyStroke.getAWTKeyStroke(KeyEvent.VK_TAB, InputEvent.SHIFT_DOWN_MASK))) {
                problems.add("focus trap (Tab or Shift+Tab does not leave): " + describe(stop));
            }
        }
    }

    private static boolean keeps(Component stop, int direction, AWTKeyStroke key) {
        Set<AWTKeyStroke> keys = stop.getFocusTraversalKeys(direction);
        return keys.contains(key);
    }

    private static void walk(Container container, List<String> problems) {
        for (Component child : container.getComponents()) {
            if (!child.isShowing()) {
                continue;
            }
            if (child instanceof JComponent component && component.getClientProperty(BasicHTML.propertyKey) != null) {
                problems.add("renders its text as HTML: " + describe(child));
            }
            if (child instanceof JList<?> list) {
                rows(list, problems);
            }
            if (child instanceof JLabel label && label.getIcon() != null && blank(label.getText())) {
                pictured(label, label.getIcon(), problems);
            }
            // mouse-only parts (scroll bar arrows, a combo box's arrow) are not Tab stops; screen readers skip them
            if (child instanceof AbstractButton button && button.isFocusable() && blank(button.getText()) && blank(name(button))) {
                problems.add("control without words or name: " + describe(child));
            }
            if (child instanceof Container inner) {
                walk(inner, problems);
            }
        }
    }

    private static void rows(JList<?> list, List<String> problems) {
        AccessibleContext context = list.getAccessibleContext();
        for (int i = 0; i < context.getAccessibleChildrenCount(); i++) {
            AccessibleContext row = context.getAccessibleChild(i).getAccessibleContext();
            if (blank(row.getAccessibleName())) {
                problems.add("list row " + i + " without a name in " + describe(list));
            }
            if (row.getAccessibleRole() != AccessibleRole.LIST_ITEM) {
                problems.add("list row " + i + " reads as " + row.getAccessibleRole() + ", not a list item, in " + describe(list));
            }
        }
    }

    private static void pictured(JLabel label, Icon icon, List<String> problems) {
        String name = name(label);
        String description = icon instanceof ImageIcon image ? image.getDescription() : null;
        boolean urlDescription = description != null && description.matches("^(file|jar|https?):.*");
        if (blank(name) && (blank(description) || urlDescription)) {
            problems.add("picture without a description: " + describe(label));
        }
    }

    private static String name(Component component) {
        AccessibleContext context = component.getAccessibleContext();
        return context == null ? null : context.getAccessibleName();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String describe(Component component) {
        String name = component.getName() == null ? "" : " '" + component.getName() + "'";
        return component.getClass().getSimpleName() + name + " in " + path(component);
    }

    private static String path(Component component) {
        StringBuilder path = new StringBuilder();
        for (Container parent = component.getParent(); parent != null && path.length() < 200; parent = parent.getParent()) {
            path.append(parent.getClass().getSimpleName()).append(parent instanceof Window ? "" : " < ");
        }
        return path.toString();
    }
}
