package org.rongdesk.ui.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.ui.testing.Masks.ALT;
import static org.rongdesk.ui.testing.Masks.CTRL;

import com.google.gson.JsonArray;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.finder.WindowFinder;
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
import org.rongdesk.ui.app.ConversationRef;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.i18n.Texts;
import org.rongdesk.ui.main.MainWindow;
import org.rongdesk.ui.people.Names;
import org.rongdesk.ui.testing.Audit;
import org.rongdesk.ui.testing.GuiTest;
import org.rongdesk.ui.testing.Rows;
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.testing.Windows;

/**
 * Search messages from the keyboard, against a real server: Ctrl+F, a Chinese keyword, the count
 * said, Enter on the result opens its conversation (not the one open) with that message selected
 * although it is pages back; a keyword with more results than a page reads the rest with More
 * results; an empty keyword and a keyword that finds nothing are said; Esc gives the focus back;
 * a result deleted before it is opened is said to be gone; the dialog with results passes the
 * audit, and says its count in Chinese too.
 */
@ExtendWith(EjabberdExtension.class)
class SearchDialogTest extends GuiTest {
    private static final String ROW = "sr-bob, in sr-bob, [^,]*: ";
    /** Most messages the history holds (HistoryPanel.MAX_ROWS). */
    private static final int HISTORY_ROWS = 300;

    @Test
    void findsOpensAndPages(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "sr-alice", "sr-bob", "sr-carol");
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "sr-bob", new Replies());
        RongCloud carol = Clients.signedIn(server, dir.resolve("carol"), "sr-carol", new Replies());
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "sr-alice")) {
            send(bob, "good morning");
            send(bob, "午饭在食堂吃");
            // 29 of these say lunch: a page of 20 and 9 more
            for (int i = 3; i <= 60; i++) {
                send(bob, i % 2 == 0 ? "lunch plan " + i : "number " + i);
            }
            // the newest conversation, open when the window starts
            send(carol, "hello from carol");
            alice.awaitUnread(61);
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);
            await("carol's conversation open", 15, () -> window.current().map(c -> c.targetId().equals("sr-carol")).orElse(false));
            JList<?> history = frame.robot().finder().findByName("history", JList.class);

            // Ctrl+F: the keyword field has the focus; an empty keyword is said, not searched
            key(KeyEvent.VK_F, CTRL);
            DialogFixture dialog = searchDialog();
            JTextComponent keyword = dialog.textBox("searchKeyword").target();
            JList<?> results = dialog.list("searchResults").target();
            await("the keyword field focused", 5, () -> focusOwner() == keyword);
            key(KeyEvent.VK_ENTER);
            assertThat(last(alice)).isEqualTo("Type a word to search for");

            // 食堂 finds the one Chinese message, said with its count
            robot.enterText("食堂");
            key(KeyEvent.VK_ENTER);
            await("1 found", 10, () -> Rows.of(results).size() == 1);
            assertThat(Rows.of(results).get(0)).matches(ROW + "午饭在食堂吃");
            assertThat(last(alice)).isEqualTo("1 message found");
            dialog.label(new GenericTypeMatcher<>(JLabel.class) {
                @Override
                protected boolean isMatching(JLabel label) {
                    return "1 message found".equals(label.getText());
                }
            }).requireVisible();

            // Down goes to the results and says the row; Up from the first goes back to the field
            key(KeyEvent.VK_DOWN);
            await("the results focused", 5, () -> focusOwner() == results);
            await("the result said", 5, () -> last(alice).matches(ROW + "午饭在食堂吃"));
            assertThat(Audit.problems(dialog.target())).as("the dialog with a result").isEmpty();
            key(KeyEvent.VK_UP);
            await("back in the field", 5, () -> focusOwner() == keyword);
            key(KeyEvent.VK_DOWN);
            await("the results focused again", 5, () -> focusOwner() == results);

            // Enter: bob's conversation opens with that message selected, two pages back, the history focused
            key(KeyEvent.VK_ENTER);
            await("the dialog closed", 5, () -> !dialog.target().isShowing());
            await("the message selected in bob's history", 15, () -> history.getSelectedIndex() >= 0
                    && window.current().map(c -> c.targetId().equals("sr-bob")).orElse(false)
                    && Rows.of(history).get(history.getSelectedIndex()).matches(ROW.replace(", in sr-bob", "") + "午饭在食堂吃"));
            assertThat(Rows.of(history).size()).as("older pages read").isGreaterThan(30);
            await("the history focused", 5, () -> focusOwner() == history);
            await("the message said", 5, () -> last(alice).endsWith(": 午饭在食堂吃"));
            assertThat(alice.announced()).as("the pages read on the way are not said").noneMatch(line -> line.contains("earlier messages loaded"));

            // a keyword that finds nothing; then one with more than a page: 20, then More results (Alt+M) for the other 9
            key(KeyEvent.VK_F, CTRL);
            DialogFixture second = searchDialog();
            JTextComponent secondKeyword = second.textBox("searchKeyword").target();
            JList<?> secondResults = second.list("searchResults").target();
            await("the keyword field focused", 5, () -> focusOwner() == secondKeyword);
            robot.enterText("dinner");
            key(KeyEvent.VK_ENTER);
            await("nothing found, said", 10, () -> "No messages found".equals(last(alice)));
            key(KeyEvent.VK_A, CTRL);
            robot.enterText("LUNCH");
            key(KeyEvent.VK_ENTER);
            await("a page found", 10, () -> Rows.of(secondResults).size() == SearchPages.PAGE);
            assertThat(last(alice)).isEqualTo("20 messages found, more with Alt+M");
            List<String> page = Rows.of(secondResults);
            assertThat(page.get(0)).as("newest first").matches(ROW + "lunch plan 60");
            assertThat(page.get(19)).matches(ROW + "lunch plan 22");
            key(KeyEvent.VK_DOWN);
            await("the results focused", 5, () -> focusOwner() == secondResults);
            key(KeyEvent.VK_DOWN);
            await("Down says the next row", 5, () -> last(alice).matches(ROW + "lunch plan 58"));
            key(KeyEvent.VK_M, ALT);
            await("the rest found", 10, () -> Rows.of(secondResults).size() == 29);
            await("the rest said", 5, () -> last(alice).matches("9 more messages, 29 in all: " + ROW + "lunch plan 20"));
            assertThat(Rows.of(secondResults).get(28)).matches(ROW + "lunch plan 4");
            assertThat(onEdt(secondResults::getSelectedIndex)).as("the first new one selected").isEqualTo(20);
            await("the results keep the focus", 5, () -> focusOwner() == secondResults);
            JButton more = second.button(new GenericTypeMatcher<>(JButton.class) {
                @Override
                protected boolean isMatching(JButton button) {
                    return "More results".equals(button.getText());
                }
            }).target();
            assertThat(onEdt(more::isEnabled)).as("no more to read").isFalse();

            // Esc closes it and the focus is back in the history
            key(KeyEvent.VK_ESCAPE);
            await("closed by Esc", 5, () -> !second.target().isShowing());
            await("the focus back in the history", 5, () -> focusOwner() == history);
            assertThat(window.current().orElseThrow().targetId()).isEqualTo("sr-bob");

            // a result deleted before it is opened: its conversation opens and says it is gone
            key(KeyEvent.VK_F, CTRL);
            DialogFixture fourth = searchDialog();
            await("the keyword field focused", 5, () -> focusOwner() == fourth.textBox("searchKeyword").target());
            robot.enterText("carol");
            key(KeyEvent.VK_ENTER);
            await("carol's message found", 10, () -> Rows.of(fourth.list("searchResults").target()).size() == 1);
            JsonArray gone = new JsonArray();
            gone.add(Sends.ids(Sends.result(alice.rong::searchMessages, Json.of("keyword", "carol")))[0]);
            Sends.result(alice.rong::deleteMessages, Json.of("messageIds", gone));
            key(KeyEvent.VK_DOWN);
            key(KeyEvent.VK_ENTER);
            await("said to be gone", 10, () -> "The message is no longer in this conversation".equals(last(alice)));
            assertThat(window.current().orElseThrow().targetId()).isEqualTo("sr-carol");

            // in Chinese
            UiContext chinese = new UiContext(alice.client, new Texts(Locale.SIMPLIFIED_CHINESE), alice.ui.announcer(),
                    alice.ui.settings());
            SwingUtilities.invokeLater(() -> new SearchDialog(window, chinese, window.words(),
                    m -> new ConversationRef(m.type(), m.targetId(), ""), new Names(alice.client)).ask());
            DialogFixture third = searchDialog();
            assertThat(onEdt(third.target()::getTitle)).isEqualTo("搜索消息");
            await("the keyword field focused", 5, () -> focusOwner() == third.textBox("searchKeyword").target());
            robot.enterText("食堂");
            key(KeyEvent.VK_ENTER);
            await("1 found, said in Chinese", 10, () -> "找到 1 条消息".equals(last(alice)));
            key(KeyEvent.VK_A, CTRL);
            key(KeyEvent.VK_DELETE);
            key(KeyEvent.VK_ENTER);
            assertThat(last(alice)).isEqualTo("请输入要搜索的文字");
            assertThat(Audit.problems(third.target())).as("the Chinese dialog").isEmpty();
            key(KeyEvent.VK_ESCAPE);
            await("closed by Esc", 5, () -> !third.target().isShowing());
        } finally {
            bob.close();
            carol.close();
        }
    }

    @Test
    void revealsAMessageFartherBackThanTheHistoryHolds(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "sr2-alice", "sr2-bob");
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "sr2-bob", new Replies());
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "sr2-alice")) {
            int count = HISTORY_ROWS + 30;
            Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "sr2-alice", "text", "午饭在食堂吃"));
            for (int i = 2; i <= count; i++) {
                Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "sr2-alice", "text", "filler " + i));
            }
            alice.awaitUnread(count);
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);
            JList<?> history = frame.robot().finder().findByName("history", JList.class);
            await("the latest page shown", 15, () -> Rows.of(history).size() == 30);

            key(KeyEvent.VK_F, CTRL);
            DialogFixture dialog = searchDialog();
            await("the keyword field focused", 5, () -> focusOwner() == dialog.textBox("searchKeyword").target());
            robot.enterText("食堂");
            key(KeyEvent.VK_ENTER);
            await("1 found", 10, () -> Rows.of(dialog.list("searchResults").target()).size() == 1);
            key(KeyEvent.VK_DOWN);
            key(KeyEvent.VK_ENTER);
            await("the first message selected", 20, () -> history.getSelectedIndex() == 0
                    && Rows.of(history).get(0).endsWith(": 午饭在食堂吃"));
            await("the message said", 5, () -> last(alice).endsWith(": 午饭在食堂吃"));
            assertThat(alice.announced()).contains("Still looking for the message…");
            assertThat(Rows.of(history)).as("the history still holds at most its rows").hasSize(HISTORY_ROWS);

            // the newer messages dropped on the way come back at the bottom
            key(KeyEvent.VK_END);
            await("the newest message back", 10, () -> Rows.of(history).get(Rows.of(history).size() - 1).endsWith(": filler " + count));
        } finally {
            bob.close();
        }
    }

    private DialogFixture searchDialog() {
        return WindowFinder.findDialog(SearchDialog.class).withTimeout(10_000).using(robot);
    }

    private static void send(RongCloud from, String text) {
        Sends.sendOk(from::sendTextMessage, Sends.params("PRIVATE", "sr-alice", "text", text));
    }

    private static String last(SignedIn user) {
        List<String> announced = user.announced();
        return announced.isEmpty() ? "" : announced.get(announced.size() - 1);
    }

    private static Component focusOwner() {
        return KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
    }

    private void key(int code, int... modifiers) {
        robot.pressAndReleaseKey(code, modifiers);
        robot.waitForIdle();
    }
}
