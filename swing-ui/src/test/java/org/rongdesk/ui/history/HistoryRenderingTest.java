package org.rongdesk.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.awt.Dimension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.swing.JFrame;
import javax.swing.Timer;

import org.assertj.swing.edt.GuiActionRunner;
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
import org.rongdesk.ui.app.MessageWords;
import org.rongdesk.ui.app.PluginSummaries;
import org.rongdesk.ui.app.Summaries;
import org.rongdesk.ui.people.Names;
import org.rongdesk.ui.settings.UiSettings;
import org.rongdesk.ui.testing.GuiTest;
import org.rongdesk.ui.testing.Rows;
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.theme.Themes;

/**
 * How the history paints, against a real server: a plugin that takes seconds to say its
 * message does not hold up the EDT (the row reads "Loading…" until the summary is computed, then
 * says it), and reading an earlier page measures only the new rows, while a text size change
 * measures every row again (they grow with the text).
 */
@ExtendWith(EjabberdExtension.class)
class HistoryRenderingTest extends GuiTest {
    /** How long the plugin takes to say its message: what core waits for at most. */
    private static final int SLOW_MS = 3000;

    @Test
    void aSlowPluginSummaryIsComputedOffTheEdt(DevServer server, @TempDir Path dir) throws Exception {
        Path poll = Path.of(System.getProperty("poll.plugin.jar"));
        Clients.register(server, "kr-alice", "kr-bob");
        Clients.installPlugins(dir.resolve("alice"), List.of(poll), Map.of());
        Clients.installPlugins(dir.resolve("bob"), List.of(poll), Map.of());
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "kr-bob", new Replies());
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "kr-alice")) {
            JsonArray options = new JsonArray();
            options.add("Noodles");
            options.add("Dumplings");
            JsonObject content = Json.of("pollId", "lunch-1", "question", "Lunch?", "options", options);
            Sends.sendOk(bob::sendMessage, Sends.params("PRIVATE", "kr-alice", "objectName", "App:Poll", "content", content));
            alice.awaitUnread(1);
            Summaries slow = (objectName, c) -> {
                try {
                    Thread.sleep(SLOW_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return alice.client.summarize(objectName, c);
            };
            MessageWords words = new MessageWords(alice.ui.texts(), new PluginSummaries(slow, "Loading…"));
            HistoryPanel history = shown(alice, words);
            // the EDT's longest pause, seen by a timer that ticks every 20 ms
            AtomicLong last = new AtomicLong(System.nanoTime());
            AtomicLong longest = new AtomicLong();
            Timer ticks = GuiActionRunner.execute(() -> new Timer(20, e -> {
                long now = System.nanoTime();
                longest.accumulateAndGet(now - last.getAndSet(now), Math::max);
            }));
            doOnEdt(ticks::start);
            doOnEdt(() -> history.open(new ConversationRef("PRIVATE", "kr-bob", "kr-bob")));
            await("the poll listed", 10, () -> history.messageList().getModel().getSize() == 1);
            assertThat(Rows.of(history.messageList()).get(0)).startsWith("kr-bob, ").endsWith(": Loading…");
            await("the poll said once its summary is in", 15, () -> Rows.of(history.messageList()).get(0)
                    .endsWith(": Poll: Lunch? (Noodles / Dumplings)"));
            doOnEdt(ticks::stop);
            assertThat(longest.get() / 1_000_000).as("the EDT's longest pause, ms").isLessThan(SLOW_MS / 3);
        } finally {
            bob.close();
        }
    }

    @Test
    void pagingMeasuresOnlyNewRowsAndATextSizeChangeMeasuresAll(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "ks-alice", "ks-bob");
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "ks-bob", new Replies());
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "ks-alice")) {
            int messages = 3 * HistoryPanel.PAGE;
            for (int i = 1; i <= messages; i++) {
                Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "ks-alice", "text",
                        "message " + i + " says enough words to wrap onto a second line in a narrow window, " + "and more ".repeat(i % 5)));
            }
            alice.awaitUnread(messages);
            HistoryPanel history = shown(alice, new MessageWords(alice.ui.texts(), alice.client::summarize));
            doOnEdt(() -> history.open(new ConversationRef("PRIVATE", "ks-bob", "ks-bob")));
            await("the latest page", 10, () -> history.messageList().getModel().getSize() == HistoryPanel.PAGE);
            robot.waitForIdle();
            int measured = onEdt(history::rowsMeasured);
            // the top row reads the page before it
            doOnEdt(() -> history.messageList().setSelectedIndex(0));
            await("the page before", 10, () -> history.messageList().getModel().getSize() == 2 * HistoryPanel.PAGE);
            robot.waitForIdle();
            assertThat(onEdt(history::rowsMeasured) - measured).as("rows measured for a page").isEqualTo(HistoryPanel.PAGE);

            int height = onEdt(() -> history.messageList().getCellBounds(0, 0).height);
            try {
                doOnEdt(() -> Themes.apply(UiSettings.Theme.LIGHT, 200));
                robot.waitForIdle();
                await("rows as high as their bigger text", 10, () -> history.messageList().getCellBounds(0, 0).height > height * 3 / 2);
            } finally {
                doOnEdt(() -> Themes.apply(UiSettings.Theme.LIGHT, 100));
            }
        } finally {
            bob.close();
        }
    }

    /** A window of its own showing a history whose rows {@code words} says. */
    private HistoryPanel shown(SignedIn alice, MessageWords words) {
        HistoryPanel history = GuiActionRunner.execute(() -> new HistoryPanel(alice.ui, words, new Names(alice.client)));
        JFrame frame = GuiActionRunner.execute(() -> {
            JFrame f = new JFrame("history");
            f.add(history);
            f.setSize(new Dimension(420, 600));
            return f;
        });
        new FrameFixture(robot, frame).show();
        return history;
    }
}
