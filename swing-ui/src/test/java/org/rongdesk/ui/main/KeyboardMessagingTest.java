package org.rongdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.ui.testing.Masks.CTRL;
import static org.rongdesk.ui.testing.Masks.SHIFT;

import com.google.gson.JsonObject;

import java.awt.Component;
import java.awt.Container;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTextArea;

import org.assertj.swing.core.matcher.JButtonMatcher;
import org.assertj.swing.core.matcher.JLabelMatcher;
import org.assertj.swing.core.matcher.JTextComponentMatcher;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Sends;
import org.rongdesk.ui.testing.GuiTest;
import org.rongdesk.ui.testing.Media;
import org.rongdesk.ui.testing.Rows;
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.testing.Windows;

/**
 * The main window against a real server, driven from the keyboard only: every message kind sent
 * (text, image with a description, voice file, location, rich content) reaches another client,
 * and every kind received reads right as a history row and opens with Enter.
 */
@ExtendWith(EjabberdExtension.class)
class KeyboardMessagingTest extends GuiTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void sendsEveryKindFromTheKeyboard(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "ks-alice", "ks-bob");
        Replies bobGot = new Replies();
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "ks-bob", new Replies(), bobGot);
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "ks-alice")) {
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);

            // Conversation → New chat (Ctrl+N), type the user id, Enter: the composer has the focus
            key(KeyEvent.VK_N, CTRL);
            DialogFixture chat = frame.dialog();
            chat.textBox().requireFocused();
            robot.enterText("ks-bob");
            key(KeyEvent.VK_ENTER);
            awaitFocus("composer");

            // text: Shift+Enter is a new line, Enter sends
            robot.enterText("Hello bob");
            key(KeyEvent.VK_ENTER, SHIFT);
            robot.enterText("second line");
            key(KeyEvent.VK_ENTER);
            JsonObject text = content(bobGot);
            assertThat(text.get("text").getAsString()).isEqualTo("Hello bob\nsecond line");
            await("the send said", 10, () -> alice.ui.announcer().recent().contains("Sent"));
            assertThat(onEdt(() -> frame.robot().finder().findByName("composer", JTextArea.class).getText())).isEmpty();

            // image: Ctrl+Shift+I, type the path in the file chooser, Enter, a description, Enter
            Path picture = Media.png(dir.resolve("pictures/red.png"));
            key(KeyEvent.VK_I, CTRL | SHIFT);
            DialogFixture chooser = frame.dialog();
            robot.enterText(picture.toString());
            key(KeyEvent.VK_ENTER);
            frame.dialog();
            await("the description field has the focus", 5, () -> java.awt.KeyboardFocusManager
                    .getCurrentKeyboardFocusManager().getFocusOwner() instanceof javax.swing.JTextField);
            robot.enterText("a red square");
            key(KeyEvent.VK_ENTER);
            JsonObject image = content(bobGot);
            assertThat(image.get("extra").getAsString()).isEqualTo("a red square");
            assertThat(image.get("imageUrl").getAsString()).startsWith("http");
            assertThat(chooser.target().isShowing()).isFalse();

            // voice file: Ctrl+Shift+A, the path, Enter
            Path voice = Media.wave(dir.resolve("sounds/tone.wav"), 2);
            key(KeyEvent.VK_A, CTRL | SHIFT);
            frame.dialog();
            robot.enterText(voice.toString());
            key(KeyEvent.VK_ENTER);
            JsonObject sound = content(bobGot);
            assertThat(sound.get("duration").getAsInt()).isEqualTo(2);

            // location: Ctrl+Shift+L, latitude Tab longitude Tab place, Enter
            key(KeyEvent.VK_L, CTRL | SHIFT);
            frame.dialog();
            robot.enterText("31.2304");
            key(KeyEvent.VK_TAB);
            robot.enterText("121.4737");
            key(KeyEvent.VK_TAB);
            robot.enterText("People's Square");
            key(KeyEvent.VK_ENTER);
            JsonObject location = content(bobGot);
            assertThat(location.get("latitude").getAsDouble()).isEqualTo(31.2304);
            assertThat(location.get("longitude").getAsDouble()).isEqualTo(121.4737);
            assertThat(location.get("poi").getAsString()).isEqualTo("People's Square");

            // rich content: Ctrl+Shift+K, title Tab description (multi-line, Tab leaves it) Tab link, Enter
            key(KeyEvent.VK_K, CTRL | SHIFT);
            frame.dialog();
            robot.enterText("Release notes");
            key(KeyEvent.VK_TAB);
            robot.enterText("What changed");
            key(KeyEvent.VK_TAB);
            robot.enterText("https://example.org/notes");
            key(KeyEvent.VK_ENTER);
            JsonObject rich = content(bobGot);
            assertThat(rich.get("title").getAsString()).isEqualTo("Release notes");
            assertThat(rich.get("description").getAsString()).isEqualTo("What changed");
            assertThat(rich.get("url").getAsString()).isEqualTo("https://example.org/notes");

            // recording: no microphone on this machine is said, and nothing is sent
            key(KeyEvent.VK_E, CTRL | SHIFT);
            DialogFixture record = frame.dialog();
            record.toggleButton().requireFocused();
            key(KeyEvent.VK_SPACE);
            await("the recorder answers", 10, () -> alice.ui.announcer().recent().stream()
                    .anyMatch(line -> line.equals("No microphone was found") || line.equals("Recording")));
            key(KeyEvent.VK_ESCAPE);
            assertThat(bobGot.anyWithin(Duration.ofMillis(500))).isFalse();

            // the history shows all five sent, each read as one line
            JList<?> history = frame.robot().finder().findByName("history", JList.class);
            await("five messages sent", 10, () -> Rows.of(history).stream().filter(r -> r.startsWith("You,")).count() == 5);
            assertThat(Rows.of(history)).anyMatch(r -> r.startsWith("You, ") && r.endsWith("image: a red square"))
                    .anyMatch(r -> r.endsWith("voice message: 2 seconds"))
                    .anyMatch(r -> r.endsWith("location: People's Square (31.2304, 121.4737)"))
                    .anyMatch(r -> r.endsWith("link: Release notes — What changed"));
        } finally {
            bob.close();
        }
    }

    @Test
    void readsAndOpensEveryKindReceived(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "kr-alice", "kr-bob");
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "kr-bob", new Replies());
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "kr-alice")) {
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);
            Path picture = Media.png(dir.resolve("bob/data/fs/cat.png"));
            Path tone = Media.wave(dir.resolve("bob/data/fs/tone.wav"), 3);
            Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "kr-alice", "text", "<html><b>not bold</b>"));
            Sends.sendOk(bob::sendImageMessage, Sends.params("PRIVATE", "kr-alice", "imagePath", picture.toString(),
                    "extra", "a cat"));
            Sends.sendOk(bob::sendVoiceMessage, Sends.params("PRIVATE", "kr-alice", "voicePath", tone.toString()));
            Sends.sendOk(bob::sendLocationMessage, Sends.params("PRIVATE", "kr-alice", "latitude", 48.8584, "longitude", 2.2945,
                    "poi", "Tour Eiffel"));
            Sends.sendOk(bob::sendRichContentMessage, Sends.params("PRIVATE", "kr-alice", "title", "News",
                    "description", "Today", "url", "https://example.org/news"));

            // the conversation appears with its unread count; Enter on it opens it for writing
            JList<?> conversations = frame.robot().finder().findByName("conversations", JList.class);
            await("bob's conversation listed with 5 unread", 15, () -> Rows.of(conversations).stream()
                    .anyMatch(r -> r.startsWith("kr-bob, 5 unread: ")));
            JList<?> history = frame.robot().finder().findByName("history", JList.class);
            frame.list("conversations").focus();
            frame.list("conversations").selectItem(0);
            await("five messages shown", 15, () -> Rows.of(history).size() == 5);
            assertThat(Rows.of(history)).element(0).asString().startsWith("kr-bob, ").endsWith(": <html><b>not bold</b>");
            assertThat(Rows.of(history).subList(1, 5)).satisfiesExactly(
                    r -> assertThat(r).endsWith(", image: a cat"),
                    r -> assertThat(r).endsWith(", voice message: 3 seconds"),
                    r -> assertThat(r).endsWith(", location: Tour Eiffel (48.8584, 2.2945)"),
                    r -> assertThat(r).endsWith(", link: News — Today"));
            // the image's row shows its thumbnail (read off the EDT, then painted)
            await("the thumbnail in the image's row", 10, () -> thumbnailShown(history, 1));
            assertThat(frame.label(JLabelMatcher.withText(Pattern.compile("Connected.*"))).text()).contains("kr-alice");
            await("read once open", 10, () -> frame.target().getTitle().equals("Rong Desk - kr-alice"));

            // F6 to the history; Up walks back message by message; Enter opens each
            key(KeyEvent.VK_F6);
            awaitFocus("history");
            key(KeyEvent.VK_ENTER); // the newest, selected: rich content
            DialogFixture rich = frame.dialog();
            rich.textBox(JTextComponentMatcher.withText("News")).requireVisible();
            rich.button(JButtonMatcher.withText("Open link")).requireEnabled();
            key(KeyEvent.VK_ESCAPE);
            key(KeyEvent.VK_UP); // location
            key(KeyEvent.VK_ENTER);
            DialogFixture location = frame.dialog();
            location.textBox(JTextComponentMatcher.withText("Tour Eiffel")).requireVisible();
            location.textBox(JTextComponentMatcher.withText("48.8584")).requireVisible();
            key(KeyEvent.VK_ESCAPE);
            key(KeyEvent.VK_UP); // voice: downloads, then plays (or says there is no sound output)
            key(KeyEvent.VK_ENTER);
            await("the voice message downloaded and played or refused", 15, () -> alice.ui.announcer().recent().stream()
                    .anyMatch(line -> line.startsWith("Playing, 3 seconds") || line.startsWith("Error: Cannot play")));
            key(KeyEvent.VK_UP); // image: downloads, then the viewer shows it with its description
            key(KeyEvent.VK_ENTER);
            DialogFixture viewer = frame.dialog(Timeout.timeout(15_000));
            viewer.textBox(JTextComponentMatcher.withText("a cat")).requireVisible();
            await("the full image shown", 15, () -> viewer.target().isShowing()
                    && frame.robot().finder().findAll(viewer.target(), c -> c instanceof JLabel l && l.getIcon() != null)
                            .size() == 1);
            key(KeyEvent.VK_ESCAPE);
            frame.list("history").requireFocused();
        } finally {
            bob.close();
        }
    }

    /** Whether row {@code index} of {@code list} is drawn with a picture. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean thumbnailShown(JList list, int index) {
        Component row = list.getCellRenderer().getListCellRendererComponent(list, list.getModel().getElementAt(index), index,
                false, false);
        return row instanceof Container panel && java.util.Arrays.stream(panel.getComponents())
                .anyMatch(c -> c instanceof JLabel label && label.isVisible() && label.getIcon() != null
                        && label.getIcon().getIconWidth() > 0);
    }

    private void awaitFocus(String name) {
        try {
            await(name + " has the focus", 5, () -> {
                var owner = java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
                return owner != null && name.equals(owner.getName());
            });
        } catch (RuntimeException e) {
            throw new AssertionError("focus is on " + onEdt(() -> java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager()
                    .getFocusOwner()) + " in " + onEdt(() -> java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager()
                    .getActiveWindow()), e);
        }
    }

    private void key(int code, int... modifiers) {
        robot.pressAndReleaseKey(code, modifiers);
        robot.waitForIdle();
    }

    private static JsonObject content(Replies received) {
        return Sends.message(received.next(WAIT)).getAsJsonObject("content");
    }
}
