package org.rongdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.ListModel;
import javax.swing.plaf.basic.BasicHTML;
import javax.swing.text.JTextComponent;

import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.RawXmpp;
import org.rongdesk.ui.testing.GuiTest;
import org.rongdesk.ui.testing.Rows;
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.testing.Windows;

/**
 * A hostile peer's messages in the real window: text starting with {@code <html>} shows
 * literally, direction overrides are gone, control characters show as visible symbols, and every
 * row names the server-verified sender, in what is painted and in what a screen reader reads.
 */
@ExtendWith(EjabberdExtension.class)
class HostileTextWindowTest extends GuiTest {
    @Test
    void untrustedTextShowsLiterallyWithoutOverridesOrControls(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "ht-alice");
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "ht-alice");
             RawXmpp mallory = RawXmpp.signIn(server, "ht-mallory")) {
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);
            mallory.sendPayload("ht-alice", "RC:TxtMsg", "{\"text\":\"<html><b>bold</b> \\u202egnp.exe\\u202c "
                    + "\\u2066x\\u2069 \\u0000\\u001b[2J\\u009b\\u0085 end\",\"senderUserId\":\"ht-carol\"}", "fallback");
            mallory.sendBody("ht-alice", "<html><img src='http://127.0.0.1:1/x'>\u202e\u2067 body");
            alice.awaitUnread(2);

            JList<?> conversations = frame.robot().finder().findByName("conversations", JList.class);
            await("mallory's conversation listed", 15, () -> Rows.of(conversations).stream()
                    .anyMatch(r -> r.startsWith("ht-mallory, 2 unread: ")));
            frame.list("conversations").selectItem(0);
            JList<?> history = frame.robot().finder().findByName("history", JList.class);
            await("both messages shown", 15, () -> Rows.of(history).size() == 2);

            List<String> rows = Rows.of(history);
            assertThat(rows.get(0)).startsWith("ht-mallory, ")
                    .endsWith(": <html><b>bold</b> gnp.exe x \u2400\u241b[2J\ufffd\ufffd end");
            assertThat(rows.get(1)).startsWith("ht-mallory, ").endsWith(": <html><img src='http://127.0.0.1:1/x'> body");
            List<String> shown = new ArrayList<>(rows);
            shown.addAll(Rows.of(conversations));
            shown.addAll(painted(history));
            shown.addAll(painted(conversations));
            shown.addAll(alice.announced());
            assertThat(String.join("\n", painted(history))).contains("<html><b>bold</b>").contains("ht-mallory")
                    .doesNotContain("ht-carol");
            assertThat(shown).isNotEmpty().allSatisfy(HostileTextWindowTest::isSafe);
            assertThat(htmlViews(history)).as("labels that rendered HTML").isEmpty();
            assertThat(htmlViews(conversations)).as("labels that rendered HTML").isEmpty();
        }
    }

    /** No direction override, embedding or isolate; no control character but line breaks and tabs. */
    private static void isSafe(String text) {
        assertThat(text.chars().filter(c -> c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069
                || c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c >= 0x7F && c <= 0x9F).boxed().toList())
                .as("direction or control characters in %s", text).isEmpty();
    }

    /** The text of every label and text component of each rendered row, as painted. */
    private static List<String> painted(JList<?> list) {
        return onEdt(() -> {
            List<String> texts = new ArrayList<>();
            forEachRow(list, row -> collect(row, texts, c -> c instanceof JLabel l ? l.getText()
                    : c instanceof JTextComponent t ? t.getText() : null));
            return texts;
        });
    }

    /** Labels of the rendered rows that hold an HTML view (what rendering HTML leaves behind). */
    private static List<String> htmlViews(JList<?> list) {
        return onEdt(() -> {
            List<String> found = new ArrayList<>();
            forEachRow(list, row -> collect(row, found, c -> c instanceof JComponent j
                    && j.getClientProperty(BasicHTML.propertyKey) != null ? String.valueOf(j) : null));
            return found;
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void forEachRow(JList list, java.util.function.Consumer<Component> each) {
        ListModel model = list.getModel();
        for (int i = 0; i < model.getSize(); i++) {
            each.accept(list.getCellRenderer().getListCellRendererComponent(list, model.getElementAt(i), i, false, false));
        }
    }

    private static void collect(Component component, List<String> into, java.util.function.Function<Component, String> read) {
        String text = read.apply(component);
        if (text != null) {
            into.add(text);
        }
        if (component instanceof Container container) {
            for (Component child : container.getComponents()) {
                collect(child, into, read);
            }
        }
    }
}
