package org.rongdesk.ui.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.ui.testing.Masks.CTRL;

import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;

import javax.swing.JList;

import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Sends;
import org.rongdesk.ui.main.MainWindow;
import org.rongdesk.ui.testing.GuiTest;
import org.rongdesk.ui.testing.Rows;
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.testing.Windows;

/**
 * A long conversation scrolled end to end from the keyboard: the list never holds more than
 * {@link HistoryPanel#MAX_ROWS} messages (memory stays flat), and coming back down brings the
 * dropped messages back in order, none lost, none twice.
 */
@ExtendWith(EjabberdExtension.class)
class HistoryWindowTest extends GuiTest {
    private static final int MESSAGES = 400;

    @Test
    void scrollingUpAndBackDownKeepsTheListBounded(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "kw-alice", "kw-bob");
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "kw-bob", new Replies());
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "kw-alice")) {
            for (int i = 1; i <= MESSAGES; i++) {
                Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "kw-alice", "text", "n" + i));
            }
            alice.awaitUnread(MESSAGES);
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);
            JList<?> history = frame.robot().finder().findByName("history", JList.class);
            await("the latest page", 15, () -> Rows.of(history).size() == HistoryPanel.PAGE);
            key(KeyEvent.VK_2, CTRL);

            int most = 0;
            for (int i = 0; i < 40 && !first(history).endsWith(": n1"); i++) {
                key(KeyEvent.VK_HOME);
                robot.waitForIdle();
                most = Math.max(most, Rows.of(history).size());
            }
            assertThat(first(history)).endsWith(": n1");
            assertThat(most).isLessThanOrEqualTo(HistoryPanel.MAX_ROWS);
            assertThat(Rows.of(history)).hasSize(HistoryPanel.MAX_ROWS);

            for (int i = 0; i < 40 && !last(history).endsWith(": n" + MESSAGES); i++) {
                key(KeyEvent.VK_END);
                robot.waitForIdle();
                most = Math.max(most, Rows.of(history).size());
            }
            assertThat(last(history)).endsWith(": n" + MESSAGES);
            assertThat(most).isLessThanOrEqualTo(HistoryPanel.MAX_ROWS);
            List<String> rows = Rows.of(history);
            for (int i = 1; i < rows.size(); i++) {
                int before = number(rows.get(i - 1));
                assertThat(number(rows.get(i))).as("row after n" + before).isEqualTo(before + 1);
            }
        } finally {
            bob.close();
        }
    }

    private static String first(JList<?> list) {
        List<String> rows = Rows.of(list);
        return rows.isEmpty() ? "" : rows.get(0);
    }

    private static String last(JList<?> list) {
        List<String> rows = Rows.of(list);
        return rows.isEmpty() ? "" : rows.get(rows.size() - 1);
    }

    private static int number(String row) {
        return Integer.parseInt(row.substring(row.lastIndexOf(": n") + 3));
    }

    private void key(int code, int... modifiers) {
        robot.pressAndReleaseKey(code, modifiers);
        robot.waitForIdle();
    }
}
