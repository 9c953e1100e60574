package org.rongdesk.ui.app;

import java.awt.event.ActionEvent;

import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.KeyStroke;

/** Binds keys to code without an action class each time. */
public final class Keys {
    private Keys() {
    }

    /** {@code key} ("ctrl ENTER") runs {@code run} while {@code component} has the focus. */
    public static void bind(JComponent component, String key, Runnable run) {
        bind(component, JComponent.WHEN_FOCUSED, key, run);
    }

    /** {@code key} runs {@code run} under {@code condition} (a {@code JComponent.WHEN_…} constant). */
    public static void bind(JComponent component, int condition, String key, Runnable run) {
        KeyStroke stroke = KeyStroke.getKeyStroke(key);
        if (stroke == null) {
            throw new IllegalArgumentException("not a key stroke: " + key);
        }
        String name = "rongdesk." + key;
        component.getInputMap(condition).put(stroke, name);
        component.getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                run.run();
            }
        });
    }
}
