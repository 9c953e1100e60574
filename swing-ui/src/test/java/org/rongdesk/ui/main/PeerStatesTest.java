package org.rongdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.ui.testing.Masks.ALT;
import static org.rongdesk.ui.testing.Masks.CTRL;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.swing.JLabel;
import javax.swing.JList;

import org.assertj.swing.fixture.DialogFixture;
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
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.testing.GuiTest;
import org.rongdesk.ui.testing.Rows;
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.testing.Windows;

/**
 * What peers see of each other, in the main window against a real server, from the keyboard:
 * typing both ways (shown, and said when the setting is on), read receipts both ways (rows say
 * "read"), recalls and corrections both ways (Message → Recall, Message → Edit…; rows say
 * "recalled" and "edited"), Alt+1 … Alt+9, and the conversation's name spoken or not.
 */
@ExtendWith(EjabberdExtension.class)
class PeerStatesTest extends GuiTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String TYPING = "ps-bob is typing…";

    @Test
    void typingReadReceiptsRecallsEditsAndRecentMessages(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "ps-alice", "ps-bob");
        Replies bobGot = new Replies();
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "ps-bob", new Replies(), bobGot);
        Replies bobReceipts = new Replies();
        Replies bobTyping = new Replies();
        Replies bobRecalls = new Replies();
        Replies bobEdits = new Replies();
        bob.setReadReceiptListener(bobReceipts);
        bob.setTypingStatusListener(bobTyping);
        bob.setOnRecallMessageListener(bobRecalls);
        bob.setOnMessageEditedListener(bobEdits);
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "ps-alice")) {
            doOnEdt(() -> alice.ui.settings().setAnnounceTyping(true));
            Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "ps-alice", "text", "hello alice"));
            alice.awaitUnread(1);
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);
            JList<?> history = frame.robot().finder().findByName("history", JList.class);
            JLabel typing = frame.robot().finder().findByName("typing", JLabel.class);
            await("bob's message shown", 15, () -> Rows.of(history).size() == 1);

            // alice read bob's message in the focused window: bob is told, once
            JsonObject receipt = bobReceipts.next(WAIT).ret().getAsJsonObject("result");
            assertThat(receipt.get("targetId").getAsString()).isEqualTo("ps-alice");
            assertThat(bobReceipts.anyWithin(Duration.ofSeconds(1))).as("told once").isFalse();

            // bob types: the status line says so, said once (politely) while he goes on; his message ends it
            Sends.result(bob::sendTypingStatus, Sends.params("PRIVATE", "ps-alice"));
            await("bob's typing shown", 10, () -> typing.getText().equals(TYPING));
            await("bob's typing said", 5, () -> alice.ui.announcer().recent().contains(TYPING));
            Sends.result(bob::sendTypingStatus, Sends.params("PRIVATE", "ps-alice"));
            Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "ps-alice", "text", "are you there?"));
            await("bob's typing over", 10, () -> typing.getText().isBlank());
            await("bob's second message shown", 10, () -> Rows.of(history).size() == 2);
            assertThat(alice.announced().stream().filter(TYPING::equals)).as("said once").hasSize(1);
            assertThat(bobReceipts.next(WAIT).ret().getAsJsonObject("result").get("targetId").getAsString())
                    .as("a message read as it arrives").isEqualTo("ps-alice");

            // alice types: bob hears it; her messages say "sent", then "read" once bob read them
            key(KeyEvent.VK_3, CTRL);
            robot.enterText("first");
            JsonObject aliceTyping = bobTyping.next(WAIT).ret().getAsJsonObject("result");
            assertThat(aliceTyping.get("userId").getAsString()).isEqualTo("ps-alice");
            assertThat(aliceTyping.get("typing").getAsBoolean()).isTrue();
            key(KeyEvent.VK_ENTER);
            robot.enterText("second");
            key(KeyEvent.VK_ENTER);
            bobGot.next(WAIT);
            bobGot.next(WAIT);
            await("both sent", 10, () -> Rows.of(history).size() == 4
                    && Rows.of(history).subList(2, 4).stream().allMatch(r -> r.matches("You, [^,]*, sent: (first|second)")));
            Sends.result(bob::sendReadReceiptMessage, Sends.params("PRIVATE", "ps-alice"));
            await("both read", 10, () -> Rows.of(history).get(2).matches("You, [^,]*, read: first")
                    && Rows.of(history).get(3).matches("You, [^,]*, read: second"));

            // Recall and Edit are for alice's own messages only
            key(KeyEvent.VK_2, CTRL);
            key(KeyEvent.VK_HOME);
            frame.menuItemWithPath("Message", "Recall message").requireDisabled();
            frame.menuItemWithPath("Message", "Edit message…").requireDisabled();

            // Message → Edit… (Alt+M, E): the text in a form, Enter saves; bob's copy is corrected
            key(KeyEvent.VK_END);
            frame.menuItemWithPath("Message", "Edit message…").requireEnabled();
            key(KeyEvent.VK_M, ALT);
            key(KeyEvent.VK_E);
            DialogFixture edit = frame.dialog();
            edit.textBox().requireText("second").requireFocused();
            key(KeyEvent.VK_A, CTRL);
            robot.enterText("second, corrected");
            key(KeyEvent.VK_ENTER);
            await("the edit said", 10, () -> alice.ui.announcer().recent().contains("Message edited"));
            await("the row edited", 5, () -> Rows.of(history).get(3).matches("You, [^,]*, read, edited: second, corrected"));
            JsonObject bobsCopy = bobEdits.next(WAIT).ret().getAsJsonObject("result").getAsJsonObject("message");
            assertThat(bobsCopy.getAsJsonObject("content").get("text").getAsString()).isEqualTo("second, corrected");
            assertThat(bobsCopy.getAsJsonObject("content").get("edited").getAsBoolean()).isTrue();

            // Message → Recall (Alt+M, R): "You recalled a message" here, a recall notice at bob's
            key(KeyEvent.VK_UP);
            key(KeyEvent.VK_M, ALT);
            key(KeyEvent.VK_R);
            frame.optionPane().yesButton();
            key(KeyEvent.VK_ENTER); // yes: a recall cannot be undone, so it is asked
            await("the recall said", 10, () -> alice.ui.announcer().recent().contains("Message recalled"));
            await("the row recalled", 5, () -> Rows.of(history).get(2).matches("You, [^,]*: You recalled a message"));
            frame.menuItemWithPath("Message", "Recall message").requireDisabled();
            long recalledAtBob = bobRecalls.next(WAIT).ret().getAsJsonObject("result").get("messageId").getAsLong();
            assertThat(objectNameAt(bob, recalledAtBob)).isEqualTo("RC:RcNtf");

            // bob corrects and recalls his: alice's rows change, and she hears it
            long typo = Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "ps-alice", "text", "teh cat"));
            await("bob's typo shown", 10, () -> Rows.of(history).size() == 5);
            Sends.result(bob::editMessage, Json.of("messageId", typo, "text", "the cat"));
            await("bob's correction shown", 10, () -> Rows.of(history).get(4).matches("ps-bob, [^,]*, edited: the cat"));
            await("bob's correction said", 5, () -> alice.ui.announcer().recent().contains(Rows.of(history).get(4)));
            long never = Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "ps-alice", "text", "never mind"));
            await("bob's last shown", 10, () -> Rows.of(history).size() == 6);
            Sends.result(bob::recallMessage, Json.of("messageId", never));
            await("bob's recall shown", 10, () -> Rows.of(history).get(5).matches("ps-bob, [^,]*: ps-bob recalled a message"));
            await("bob's recall said", 5, () -> alice.ui.announcer().recent().contains("ps-bob recalled a message"));

            // Alt+1 says the newest message, Alt+3 the newest three; the focus stays in the composer
            key(KeyEvent.VK_3, CTRL);
            key(KeyEvent.VK_1, ALT);
            List<String> rows = Rows.of(history);
            await("Alt+1 said the newest", 5, () -> last(alice).equals(rows.get(5)));
            key(KeyEvent.VK_3, ALT);
            await("Alt+3 said the newest three", 5, () -> last(alice).equals(rows.get(3) + ". " + rows.get(4) + ". "
                    + rows.get(5) + "."));
            assertThat(onEdt(() -> KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner().getName()))
                    .isEqualTo("composer");
            assertThat(onEdt(() -> frame.robot().finder().findByName("composer", javax.swing.JTextArea.class).getText()))
                    .as("Alt+digit types nothing").isEmpty();

            // a discussion's message is said with its name first, unless the setting says not to
            JsonArray members = new JsonArray();
            members.add("ps-alice");
            String lunch = Sends.result(bob::createDiscussion, Json.of("name", "Lunch", "userIdList", members))
                    .getAsJsonObject().get("discussionId").getAsString();
            Sends.sendOk(bob::sendTextMessage, Sends.params("DISCUSSION", lunch, "text", "pizza?"));
            await("said with its conversation", 10, () -> alice.ui.announcer().recent().stream()
                    .anyMatch(line -> line.startsWith("In ") && line.endsWith(": pizza?")));
            doOnEdt(() -> alice.ui.settings().setSpeakConversationName(false));
            Sends.sendOk(bob::sendTextMessage, Sends.params("DISCUSSION", lunch, "text", "pasta?"));
            await("said without it", 10, () -> alice.ui.announcer().recent().stream()
                    .anyMatch(line -> line.startsWith("ps-bob, ") && line.endsWith(": pasta?")));
        } finally {
            bob.close();
        }
    }

    private static String last(SignedIn user) {
        List<String> said = user.ui.announcer().recent();
        return said.isEmpty() ? "" : said.get(said.size() - 1);
    }

    /** The type of message {@code messageId} in {@code client}'s conversation with ps-alice. */
    private static String objectNameAt(RongCloud client, long messageId) {
        for (JsonElement message : Sends.result(client::getLatestMessages, Sends.params("PRIVATE", "ps-alice", "count", 20))
                .getAsJsonArray()) {
            if (message.getAsJsonObject().get("messageId").getAsLong() == messageId) {
                return message.getAsJsonObject().get("objectName").getAsString();
            }
        }
        return "(no message " + messageId + ")";
    }

    private void key(int code, int... modifiers) {
        robot.pressAndReleaseKey(code, modifiers);
        robot.waitForIdle();
    }
}
