package org.rongdesk.ui.access;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import javax.accessibility.AccessibleContext;
import javax.swing.Timer;

/**
 * Says a line to the screen reader. Java 17 has no announcement API; what Orca speaks is a
 * change of the focused component's accessible description, so that is set to the text and
 * put back 1.5 s later (shared/notes/accessibility-testing.md). The text also goes to a visible
 * status line, so sighted users see the same thing. Three kinds of line: one said at once,
 * cutting off what is being said (an error, the connection lost); one said in its turn (a new
 * message, a send confirmed), queued behind the line being said and never dropped — Orca cut
 * the first of two messages that came together short; and a polite one (someone is typing),
 * said only when nothing else waits, replaced by a newer polite line meanwhile. Call on the EDT.
 */
public final class Announcer {
    private static final int RESTORE_MS = 1500;
    private static final int KEPT = 50;

    private Consumer<String> statusLine = text -> { };
    private final Timer restore;
    private final List<String> recent = new ArrayList<>();
    private AccessibleContext changed;
    private String savedDescription;
    /** The polite line waiting for the one being said, or null. */
    private String waiting;
    /** Lines waiting their turn, oldest first. */
    private final Deque<String> inTurn = new ArrayDeque<>();

    public Announcer() {
        this.restore = new Timer(RESTORE_MS, e -> {
            putBack();
            sayWaiting();
        });
        this.restore.setRepeats(false);
    }

    /** Where each line is also shown (the open window's status line). */
    public void setStatusLine(Consumer<String> statusLine) {
        this.statusLine = statusLine;
    }

    /** Speaks {@code text} now (interrupting the previous announcement's restore). */
    public void announce(String untrusted) {
        String text = ShownText.of(untrusted);
        recent.add(text);
        if (recent.size() > KEPT) {
            recent.remove(0);
        }
        statusLine.accept(text);
        putBack();
        Component owner = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
        if (owner == null || owner.getAccessibleContext() == null) {
            return;
        }
        changed = owner.getAccessibleContext();
        savedDescription = changed.getAccessibleDescription();
        changed.setAccessibleDescription(text);
        restore.restart();
    }

    /**
     * Speaks {@code untrusted} once the line being said now is done, never interrupting it; a
     * newer polite line replaces one still waiting (only the latest news is worth saying).
     */
    public void announcePolitely(String untrusted) {
        if (restore.isRunning() || !inTurn.isEmpty()) {
            waiting = untrusted;
        } else {
            announce(untrusted);
        }
    }

    /** Speaks {@code untrusted} once the lines being said and waiting before it are done; never dropped. */
    public void announceInTurn(String untrusted) {
        if (restore.isRunning() || !inTurn.isEmpty()) {
            inTurn.add(untrusted);
        } else {
            announce(untrusted);
        }
    }

    private void sayWaiting() {
        if (!inTurn.isEmpty()) {
            announce(inTurn.poll());
            return;
        }
        String next = waiting;
        waiting = null;
        if (next != null) {
            announce(next);
        }
    }

    /** The last lines announced, oldest first (what a user heard; for tests and the status history). */
    public List<String> recent() {
        return List.copyOf(recent);
    }

    private void putBack() {
        restore.stop();
        if (changed != null) {
            changed.setAccessibleDescription(savedDescription);
            changed = null;
            savedDescription = null;
        }
    }
}
