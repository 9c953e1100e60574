package org.rongdesk.ui.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.ui.testing.Masks.ALT;
import static org.rongdesk.ui.testing.Masks.CTRL;
import static org.rongdesk.ui.testing.Masks.SHIFT;

import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;

import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.text.JTextComponent;

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
import org.rongdesk.ui.settings.UiSettings;
import org.rongdesk.ui.testing.GuiTest;
import org.rongdesk.ui.testing.Rows;
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.testing.Windows;

/**
 * The conversation list from the keyboard, against a real server: unread counts in rows and the
 * title, drafts kept per conversation, pin, mute (muted conversations are not announced), remove,
 * clear, and the connection status when the account signs in elsewhere, then reconnects.
 */
@ExtendWith(EjabberdExtension.class)
class ConversationListTest extends GuiTest {
    @Test
    void unreadDraftsPinMuteRemoveClearAndSignedInElsewhere(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "kc-alice", "kc-bob", "kc-carol", "kc-dave");
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "kc-bob", new Replies());
        RongCloud carol = Clients.signedIn(server, dir.resolve("carol"), "kc-carol", new Replies());
        RongCloud dave = Clients.signedIn(server, dir.resolve("dave"), "kc-dave", new Replies());
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "kc-alice")) {
            Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "kc-alice", "text", "bob one"));
            Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "kc-alice", "text", "bob two"));
            Sends.sendOk(carol::sendTextMessage, Sends.params("PRIVATE", "kc-alice", "text", "carol one"));
            alice.awaitUnread(3);
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);
            JList<?> conversations = frame.robot().finder().findByName("conversations", JList.class);
            JTextComponent composer = frame.robot().finder().findByName("composer", JTextComponent.class);

            // unread counts in the rows; the newest (carol) opens, is read, and the title keeps bob's 2
            await("carol read, bob unread", 15, () -> Rows.of(conversations).equals(List.of("kc-carol: carol one",
                    "kc-bob, 2 unread: bob two")));
            await("the title carries the unread total", 10, () -> window.getTitle().equals("Rong Desk - kc-alice — 2 unread"));

            // a draft stays with its conversation and shows in the list
            key(KeyEvent.VK_3, CTRL);
            robot.enterText("unsent words");
            switchTo("kc-bob");
            await("the draft listed", 10, () -> Rows.of(conversations).contains("kc-carol: draft: unsent words"));
            String written = onEdt(composer::getText);
            assertThat(written).isEmpty();
            await("bob read once open", 10, () -> window.getTitle().equals("Rong Desk - kc-alice"));
            switchTo("kc-carol");
            await("the draft back in the composer", 10, () -> composer.getText().equals("unsent words"));

            // pin carol: first, marked in words, and said
            key(KeyEvent.VK_P, CTRL | SHIFT);
            await("carol pinned", 10, () -> Rows.of(conversations).get(0).startsWith("kc-carol, pinned: "));
            assertThat(alice.announced()).contains("kc-carol pinned");

            // mute bob: marked, and bob's new messages are not announced; carol's are
            switchTo("kc-bob");
            key(KeyEvent.VK_M, CTRL | SHIFT);
            await("bob muted", 10, () -> Rows.of(conversations).stream().anyMatch(r -> r.startsWith("kc-bob, muted")));
            switchTo("kc-carol");
            Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "kc-alice", "text", "quiet please"));
            Sends.sendOk(carol::sendTextMessage, Sends.params("PRIVATE", "kc-alice", "text", "loud and clear"));
            await("carol's message announced", 10, () -> alice.ui.announcer().recent().stream()
                    .anyMatch(line -> line.startsWith("kc-carol, ") && line.endsWith(": loud and clear")));
            assertThat(alice.announced()).noneMatch(line -> line.contains("quiet please"));
            await("bob's message counted", 10, () -> Rows.of(conversations).stream()
                    .anyMatch(r -> r.equals("kc-bob, 1 unread, muted: quiet please")));

            // "open conversation only": another conversation's message is not said, the open one's is
            doOnEdt(() -> alice.ui.settings().setAnnounce(UiSettings.Announce.FOCUSED));
            Sends.sendOk(dave::sendTextMessage, Sends.params("PRIVATE", "kc-alice", "text", "from elsewhere"));
            await("dave's conversation listed", 10, () -> Rows.of(conversations).stream().anyMatch(r -> r.startsWith("kc-dave, 1 unread")));
            Sends.sendOk(carol::sendTextMessage, Sends.params("PRIVATE", "kc-alice", "text", "in the open one"));
            await("the open conversation's message said", 10, () -> alice.ui.announcer().recent().stream()
                    .anyMatch(line -> line.endsWith(": in the open one")));
            assertThat(alice.announced()).noneMatch(line -> line.contains("from elsewhere"));
            // "none": nothing is said
            doOnEdt(() -> alice.ui.settings().setAnnounce(UiSettings.Announce.NONE));
            Sends.sendOk(carol::sendTextMessage, Sends.params("PRIVATE", "kc-alice", "text", "unsaid"));
            await("the message shown", 10, () -> Rows.of(frame.robot().finder().findByName("history", JList.class)).stream()
                    .anyMatch(r -> r.endsWith(": unsaid")));
            assertThat(alice.announced()).noneMatch(line -> line.contains("unsaid"));
            doOnEdt(() -> alice.ui.settings().setAnnounce(UiSettings.Announce.ALL));

            // signed in elsewhere: said and shown; File → Reconnect (Ctrl+R) signs in again
            JLabel connection = frame.robot().finder().findByName("connection", JLabel.class);
            RongCloud elsewhere = Clients.signedIn(server, dir.resolve("alice-laptop"), "kc-alice", new Replies());
            try {
                await("signed out here", 15, () -> connection.getText()
                        .equals("Signed in elsewhere: this window was signed out (kc-alice)"));
                assertThat(alice.announced()).contains("Signed in elsewhere: this window was signed out");
            } finally {
                elsewhere.close();
            }
            key(KeyEvent.VK_R, CTRL);
            await("connected again", 15, () -> connection.getText().equals("Connected (kc-alice)"));

            // remove bob from the list; clear carol's messages (confirmed with Enter)
            switchTo("kc-bob");
            key(KeyEvent.VK_DELETE, CTRL | SHIFT);
            await("bob removed", 10, () -> Rows.of(conversations).stream().noneMatch(r -> r.startsWith("kc-bob")));
            switchTo("kc-carol");
            JList<?> history = frame.robot().finder().findByName("history", JList.class);
            await("carol's messages shown", 10, () -> Rows.of(history).size() == 4);
            key(KeyEvent.VK_C, ALT);
            key(KeyEvent.VK_C);
            frame.optionPane().textBox().requireText("Delete every message of kc-carol on this computer?");
            key(KeyEvent.VK_ENTER);
            await("carol's messages cleared", 10, () -> Rows.of(history).isEmpty());
            await("the list says so", 10, () -> Rows.of(conversations).get(0).equals("kc-carol, pinned: draft: unsent words"));
        } finally {
            bob.close();
            carol.close();
            dave.close();
        }
    }

    private void switchTo(String name) {
        key(KeyEvent.VK_K, CTRL);
        robot.enterText(name);
        key(KeyEvent.VK_ENTER);
        robot.waitForIdle();
    }

    private void key(int code, int... modifiers) {
        robot.pressAndReleaseKey(code, modifiers);
        robot.waitForIdle();
    }
}
