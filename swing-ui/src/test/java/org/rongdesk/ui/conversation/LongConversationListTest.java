package org.rongdesk.ui.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.ui.testing.Masks.CTRL;

import com.google.gson.JsonObject;

import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.accessibility.AccessibleContext;
import javax.swing.JList;

import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.MessageDirection;
import org.rongdesk.model.NewMessage;
import org.rongdesk.model.SentStatus;
import org.rongdesk.store.LocalStore;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Sends;
import org.rongdesk.ui.main.MainWindow;
import org.rongdesk.ui.testing.GuiTest;
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.testing.Windows;

/**
 * A list of thousands of conversations, as a user with years of chats has: End reaches the last
 * one (read and said, not "Loading…"), a message from a conversation far down moves just that row
 * to the top with its text and unread count, a new conversation's first message puts it on top,
 * and neither they nor the user's own send read the list again; the window never reads every row.
 */
@ExtendWith(EjabberdExtension.class)
class LongConversationListTest extends GuiTest {
    private static final int CONVERSATIONS = 3000;
    /** The conversation of a real user, placed half-way down the list. */
    private static final int DEEP = CONVERSATIONS / 2;

    @Test
    void endReachesTheLastAndAnArrivalMovesOneRow(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "kl-alice", "kl-bob", "kl-deep");
        fill(dir.resolve("alice/data"), server.settings().appKey(), "kl-alice");
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "kl-bob", new Replies());
        RongCloud deep = Clients.signedIn(server, dir.resolve("deep"), "kl-deep", new Replies());
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "kl-alice")) {
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);
            JList<?> list = frame.robot().finder().findByName("conversations", JList.class);
            ConversationListPanel panel = frame.robot().finder().findByType(ConversationListPanel.class);
            await("every conversation listed", 20, () -> list.getModel().getSize() == CONVERSATIONS);
            // the newest opened (and read) as the window opened; a row far down is read once it is asked for
            await("the first row read", 10, () -> row(list, 0).equals("c-" + (CONVERSATIONS - 1) + ": message " + (CONVERSATIONS - 1)));
            await("a row far down read", 10, () -> row(list, DEEP).equals("kl-deep, 1 unread: message " + (CONVERSATIONS - 1 - DEEP)));

            // End: the last conversation, read and said as every row is, and opened
            key(KeyEvent.VK_1, CTRL);
            key(KeyEvent.VK_END);
            await("the last row read", 10, () -> !row(list, CONVERSATIONS - 1).equals("Loading…"));
            assertThat(onEdt(list::getSelectedIndex)).isEqualTo(CONVERSATIONS - 1);
            assertThat(row(list, CONVERSATIONS - 1)).isEqualTo("c-0: message 0");
            await("the last conversation open", 10, () -> window.current().map(ref -> ref.targetId().equals("c-0")).orElse(false));

            // a message far down the list: its row moves to the top with its text and unread count, the list is not read again
            int orderReads = onEdt(panel::orderReads);
            Sends.sendOk(deep::sendTextMessage, Sends.params("PRIVATE", "kl-alice", "text", "from deep down"));
            await("the deep row on top", 15, () -> row(list, 0).equals("kl-deep, 2 unread: from deep down"));
            assertThat(row(list, 1)).startsWith("c-" + (CONVERSATIONS - 1) + ": ");
            assertThat(onEdt(() -> list.getModel().getSize())).isEqualTo(CONVERSATIONS);
            // the selected conversation stays selected (and open), one row further down
            assertThat(onEdt(list::getSelectedIndex)).isEqualTo(CONVERSATIONS - 1);
            String below = "c-" + (CONVERSATIONS - 2 - DEEP) + ", 1 unread: message " + (CONVERSATIONS - 2 - DEEP);
            await("the rows below it where they were", 10, () -> row(list, DEEP + 1).equals(below));

            // a new conversation: on top, the list one longer
            Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "kl-alice", "text", "hello there"));
            await("bob's row on top", 15, () -> row(list, 0).equals("kl-bob, 1 unread: hello there"));
            assertThat(onEdt(() -> list.getModel().getSize())).isEqualTo(CONVERSATIONS + 1);
            assertThat(onEdt(list::getSelectedIndex)).isEqualTo(CONVERSATIONS);

            // the user's own send: the open conversation moves to the top, and nothing reads the list again
            key(KeyEvent.VK_3, CTRL);
            robot.enterText("my answer");
            key(KeyEvent.VK_ENTER);
            await("the sent message on top", 15, () -> row(list, 0).equals("c-0: my answer"));
            assertThat(onEdt(list::getSelectedIndex)).isZero();
            assertThat(onEdt(panel::orderReads)).isEqualTo(orderReads);
            assertThat(onEdt(panel::rowsRead)).isLessThan(CONVERSATIONS / 2);
        } finally {
            bob.close();
            deep.close();
        }
    }

    /**
     * Puts {@value #CONVERSATIONS} conversations with one unread message each in {@code user}'s
     * store, straight through the store (as a catch-up would): c-0 the oldest, kl-deep at
     * {@value #DEEP} from the top.
     */
    private static void fill(Path data, String appKey, String user) throws Exception {
        Files.createDirectories(data);
        long start = System.currentTimeMillis() - CONVERSATIONS * 1000L - 60_000;
        List<NewMessage> batch = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            String target = i == CONVERSATIONS - 1 - DEEP ? "kl-deep" : "c-" + i;
            JsonObject content = new JsonObject();
            content.addProperty("text", "message " + i);
            long sent = start + i * 1000L;
            batch.add(new NewMessage(new ConversationKey(ConversationType.PRIVATE, target), MessageDirection.RECEIVE, target,
                    "RC:TxtMsg", content, SentStatus.SENT, sent, sent + 5, "fill-" + i, true));
        }
        try (LocalStore store = LocalStore.open(data, appKey, user)) {
            store.addIncoming(batch, Map.of());
        }
    }

    /** What a screen reader reads for row {@code index}. */
    private static String row(JList<?> list, int index) {
        return onEdt(() -> {
            AccessibleContext context = list.getAccessibleContext();
            return context.getAccessibleChild(index).getAccessibleContext().getAccessibleName();
        });
    }

    private void key(int code, int... modifiers) {
        robot.pressAndReleaseKey(code, modifiers);
        robot.waitForIdle();
    }
}
