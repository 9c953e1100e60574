package org.rongdesk.ui.app;

import java.awt.event.ActionEvent;
import java.util.List;
import java.util.function.IntConsumer;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JComponent;
import javax.swing.KeyStroke;

/** Binds the {@link Keymap}'s keys to code without an action class each time. */
public final class Keys {
    private Keys() {
    }

    /** The keys of {@code id} ("history.copy") run {@code run} while {@code component} has the focus. */
    public static void bind(JComponent component, String id, Runnable run) {
        bind(component, JComponent.WHEN_FOCUSED, id, run);
    }

    /** The keys of {@code id} run {@code run} under {@code condition} (a {@code JComponent.WHEN_…} constant). */
    public static void bind(JComponent component, int condition, String id, Runnable run) {
        String name = "rongdesk." + id;
        for (KeyStroke stroke : Keymap.strokes(id)) {
            component.getInputMap(condition).put(stroke, name);
        }
        component.getActionMap().put(name, action(run));
    }

    /**
     * The keys of {@code id} run {@code run} under {@code condition}, each with its place in the
     * keymap's list (0 for the first): one entry for a row of keys that mean 1, 2, 3 ….
     */
    public static void bindEach(JComponent component, int condition, String id, IntConsumer run) {
        List<KeyStroke> strokes = Keymap.strokes(id);
        for (int i = 0; i < strokes.size(); i++) {
            String name = "rongdesk." + id + "." + i;
            int place = i;
            component.getInputMap(condition).put(strokes.get(i), name);
            component.getActionMap().put(name, action(() -> run.accept(place)));
        }
    }

    private static Action action(Runnable run) {
        return new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                run.run();
            }
        };
    }

    /**
     * The keys of each of {@code ids} do nothing in {@code component} under {@code condition}:
     * its look and feel's bindings for them give way, and the keys go on to the window.
     */
    public static void block(JComponent component, int condition, String... ids) {
        for (String id : ids) {
            for (KeyStroke stroke : Keymap.strokes(id)) {
                component.getInputMap(condition).put(stroke, "none");
            }
        }
    }
}
