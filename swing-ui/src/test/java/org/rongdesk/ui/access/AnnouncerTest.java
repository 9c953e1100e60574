package org.rongdesk.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.swing.JFrame;
import javax.swing.JTextField;

import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.rongdesk.ui.testing.GuiTest;

/** What the screen reader is told: a line at once, a polite line only once the one being said is done. */
class AnnouncerTest extends GuiTest {
    @Test
    void aPoliteLineWaitsForTheLineBeingSaid() {
        JTextField field = focusedField();
        Announcer announcer = onEdt(Announcer::new);

        doOnEdt(() -> {
            announcer.announce("a new message");
            announcer.announcePolitely("bob is typing…");
            announcer.announcePolitely("carol is typing…");
        });
        assertThat(onEdt(announcer::recent)).as("not cut off").containsExactly("a new message");
        assertThat(onEdt(() -> field.getAccessibleContext().getAccessibleDescription())).isEqualTo("a new message");
        await("the newest polite line said after it", 5,
                () -> announcer.recent().equals(List.of("a new message", "carol is typing…")));
        assertThat(onEdt(() -> field.getAccessibleContext().getAccessibleDescription())).isEqualTo("carol is typing…");

        // with nothing being said, a polite line is said at once
        await("the line put back", 5, () -> field.getAccessibleContext().getAccessibleDescription() == null);
        doOnEdt(() -> announcer.announcePolitely("dave is typing…"));
        assertThat(onEdt(announcer::recent)).endsWith("dave is typing…");
    }

    @Test
    void linesInTurnAreAllSaidInOrderAheadOfPoliteOnes() {
        focusedField();
        Announcer announcer = onEdt(Announcer::new);

        doOnEdt(() -> {
            announcer.announceInTurn("bob: one");
            announcer.announcePolitely("carol is typing…");
            announcer.announceInTurn("dave: two");
            announcer.announceInTurn("Sent");
        });
        assertThat(onEdt(announcer::recent)).as("the first at once, the others wait").containsExactly("bob: one");
        await("every line said, in order, the polite one last", 10, () -> announcer.recent()
                .equals(List.of("bob: one", "dave: two", "Sent", "carol is typing…")));
    }

    /** A text field with the focus in a window of its own: where announcements are set. */
    private JTextField focusedField() {
        JTextField field = onEdt(() -> new JTextField(20));
        JFrame window = onEdt(() -> {
            JFrame frame = new JFrame("announcer");
            frame.add(field);
            frame.pack();
            return frame;
        });
        FrameFixture frame = new FrameFixture(robot, window);
        frame.show();
        frame.textBox().focus();
        return field;
    }
}
