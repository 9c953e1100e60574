package org.rongdesk.ui.main;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.util.List;

import javax.swing.SwingUtilities;

/**
 * The window's regions in order (conversation list, history, composer): F6 moves to the next,
 * Shift+F6 to the previous, wrapping round. A region is its focus target or anything inside the
 * panel holding it.
 */
final class Regions {
    private final List<Component> targets;
    private final List<Component> areas;

    /** {@code targets[i]} gets the focus for region i; {@code areas[i]} is everything that counts as in it. */
    Regions(List<Component> targets, List<Component> areas) {
        this.targets = List.copyOf(targets);
        this.areas = List.copyOf(areas);
    }

    void next() {
        move(1);
    }

    void previous() {
        move(-1);
    }

    /** Focuses region {@code index}. */
    void go(int index) {
        targets.get(index).requestFocusInWindow();
    }

    /** The region holding the focus, or -1. */
    int current() {
        Component owner = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
        for (int i = 0; i < areas.size(); i++) {
            if (owner != null && (owner == areas.get(i) || SwingUtilities.isDescendingFrom(owner, areas.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private void move(int by) {
        int here = current();
        int next = here < 0 ? (by > 0 ? 0 : areas.size() - 1) : Math.floorMod(here + by, areas.size());
        go(next);
    }
}
