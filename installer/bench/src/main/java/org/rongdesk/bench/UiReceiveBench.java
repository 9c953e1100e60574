package org.rongdesk.bench;

import com.google.gson.JsonObject;

import java.awt.Component;
import java.awt.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.swing.JList;
import javax.swing.ListCellRenderer;
import javax.swing.SwingUtilities;

import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.MessageDirection;
import org.rongdesk.model.NewMessage;
import org.rongdesk.model.SentStatus;
import org.rongdesk.plugin.PluginHost;
import org.rongdesk.store.LocalStore;
import org.rongdesk.ui.access.Announcer;
import org.rongdesk.ui.app.Client;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.i18n.Texts;
import org.rongdesk.ui.main.MainWindow;
import org.rongdesk.ui.main.WindowCommands;
import org.rongdesk.ui.media.Staging;
import org.rongdesk.ui.settings.UiSettings;
import org.rongdesk.ui.theme.Themes;

/**
 * {@code bench ui-receive [--conversations N --messages M]} (issue 17): the desktop client's real
 * main window, in this JVM under the benchmark's display, on a store of 10,000 conversations with
 * a message each, receives text messages from two peers through a private ejabberd. For each
 * message: the time on the EDT from the window hearing it (the client's receive event, dispatched
 * on the EDT) until its conversation's row was painted saying it and it was announced (the
 * announcer's status line). Messages go one at a time, each once the previous one was measured;
 * the peers' conversations start far down the list (the first message of each moves it up, and
 * the next ones alternate the two top rows). Figures are medians and 99th percentiles of the
 * messages after a warm-up.
 */
final class UiReceiveBench {
    private static final int WARM_UP = 20;
    private static final long MESSAGE_TIMEOUT_SECONDS = 15;
    private static final String USER = "ui-alice";
    private static final List<String> PEERS = List.of("ui-bob", "ui-carol");

    private final Report report = new Report("ui-receive");

    private UiReceiveBench() {
    }

    static void run(Options options) throws Exception {
        int conversations = options.intValue("conversations", 10_000);
        int messages = options.intValue("messages", 200);
        try (Cleanup cleanup = new Cleanup()) {
            BenchServer run = BenchServer.start(cleanup, "rongdesk-bench-ui-receive-");
            new UiReceiveBench().measure(run.server(), run.dir(), conversations, messages);
        }
    }

    private void measure(DevServer server, Path dir, int conversations, int messages) throws Exception {
        Path config = server.writeClientConfig(dir.resolve("config.xml"));
        Path data = Files.createDirectories(dir.resolve(USER));
        fill(data, server.settings().appKey(), conversations);
        List<RongCloud> peers = new ArrayList<>();
        for (String peer : PEERS) {
            peers.add(ApiCalls.signIn(server, config, dir.resolve(peer), peer, PluginHost.defaultRoots(dir.resolve(peer))));
        }
        RongCloud rong = ApiCalls.initialized(config, data, PluginHost.defaultRoots(data));
        ReceiveProbe probe = new ReceiveProbe();
        Client client = new Client(rong);
        // first: it hears each message before the window's own listeners
        client.addListener(probe);
        client.listen();
        ApiCalls.connect(server, rong, USER);
        MainWindow window = open(client, data, probe);
        try {
            awaitListed(window, conversations);
            Samples whole = new Samples(messages);
            Samples painted = new Samples(messages);
            Samples announced = new Samples(messages);
            int missed = 0;
            for (int i = 0; i < WARM_UP + messages; i++) {
                String text = "ui-receive " + i;
                CompletableFuture<ReceiveProbe.Times> times = probe.expect(text);
                send(peers.get(i % peers.size()), text);
                try {
                    ReceiveProbe.Times at = times.get(MESSAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    if (i >= WARM_UP) {
                        whole.add(Math.max(at.painted(), at.announced()) - at.arrived());
                        painted.add(at.painted() - at.arrived());
                        announced.add(at.announced() - at.arrived());
                    }
                } catch (TimeoutException e) {
                    missed++;
                    Log.info("not painted and announced within " + MESSAGE_TIMEOUT_SECONDS + " s: " + text);
                }
            }
            report.metric("conversations", conversations, "conversations");
            report.metric("messages", whole.size(), "messages");
            report.metric("missed", missed, "messages");
            report.metric("arrival_to_painted_and_announced_median_ms", whole.medianMs(), "ms");
            report.metric("arrival_to_painted_and_announced_p99_ms", whole.p99Ms(), "ms");
            report.metric("arrival_to_painted_median_ms", painted.medianMs(), "ms");
            report.metric("arrival_to_painted_p99_ms", painted.p99Ms(), "ms");
            report.metric("arrival_to_announced_median_ms", announced.medianMs(), "ms");
            report.metric("arrival_to_announced_p99_ms", announced.p99Ms(), "ms");
        } finally {
            SwingUtilities.invokeAndWait(() -> {
                window.shutdown();
                window.dispose();
            });
            for (RongCloud each : peers) {
                each.close();
            }
            rong.close();
        }
    }

    /**
     * {@code conversations} conversations with one read message each, straight into the store;
     * the peers' conversations half-way and a third of the way down.
     */
    private static void fill(Path data, String appKey, int conversations) {
        long start = System.currentTimeMillis() - conversations * 1000L - 60_000;
        try (LocalStore store = LocalStore.open(data, appKey, USER)) {
            List<NewMessage> batch = new ArrayList<>();
            for (int i = 0; i < conversations; i++) {
                int fromTop = conversations - 1 - i;
                String target = fromTop == conversations / 2 ? PEERS.get(0) : fromTop == conversations / 3 ? PEERS.get(1) : "c-" + i;
                JsonObject content = new JsonObject();
                content.addProperty("text", "message " + i);
                long sent = start + i * 1000L;
                batch.add(new NewMessage(new ConversationKey(ConversationType.PRIVATE, target), MessageDirection.RECEIVE, target,
                        "RC:TxtMsg", content, SentStatus.SENT, sent, sent + 5, "fill-" + i, false));
                if (batch.size() == 1000 || i == conversations - 1) {
                    store.addIncoming(batch, Map.of());
                    batch.clear();
                }
            }
        }
        Log.info(String.format("filled a store with %,d conversations", conversations));
    }

    /** The main window as the program opens it, its conversation list's painting and its announcements watched by {@code probe}. */
    private static MainWindow open(Client client, Path data, ReceiveProbe probe) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        MainWindow[] window = new MainWindow[1];
        SwingUtilities.invokeAndWait(() -> {
            UiSettings settings = UiSettings.load(data);
            Themes.apply(settings.theme(), settings.fontScale());
            Announcer announcer = new Announcer();
            UiContext ui = new UiContext(client, new Texts(Locale.ENGLISH), announcer, settings);
            window[0] = new MainWindow(ui, new Staging(client.rong().fileBase().orElse(data.resolve("fs"))), new NoCommands());
            MainWindow shown = window[0];
            announcer.setStatusLine(line -> {
                shown.showNotice(line);
                probe.announced(line);
            });
            watchPainting(conversationList(shown), probe);
            shown.setVisible(true);
            shown.focusStart(started::countDown);
        });
        if (!started.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the main window did not read its conversation list within 60 s");
        }
        return window[0];
    }

    /** Tells {@code probe} what each conversation row painted says (as its screen reader would hear it). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void watchPainting(JList list, ReceiveProbe probe) {
        ListCellRenderer renderer = list.getCellRenderer();
        list.setCellRenderer((l, value, index, selected, focused) -> {
            Component row = renderer.getListCellRendererComponent(l, value, index, selected, focused);
            probe.painted(row.getAccessibleContext().getAccessibleName());
            return row;
        });
    }

    private static JList<?> conversationList(Container root) {
        for (Component each : root.getComponents()) {
            if (each instanceof JList<?> list && "conversations".equals(list.getName())) {
                return list;
            }
            if (each instanceof Container container) {
                JList<?> found = conversationList(container);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Waits until the window lists every conversation (its list is read in the background). */
    private static void awaitListed(MainWindow window, int conversations) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        int[] size = {0};
        while (System.currentTimeMillis() < deadline) {
            SwingUtilities.invokeAndWait(() -> size[0] = conversationList(window).getModel().getSize());
            if (size[0] >= conversations) {
                Thread.sleep(2000);
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the window listed " + size[0] + " of " + conversations + " conversations after 60 s");
    }

    private static void send(RongCloud peer, String text) {
        JsonObject params = new JsonObject();
        params.addProperty("conversationType", "PRIVATE");
        params.addProperty("targetId", USER);
        params.addProperty("text", text);
        peer.sendTextMessage(params, (ret, err) -> {
            if (err != null) {
                Log.info("send failed: " + err);
            }
        });
    }

    /** The window's commands: none is used by the benchmark. */
    private static final class NoCommands implements WindowCommands {
        @Override
        public void settings() {
        }

        @Override
        public void viewChanged() {
        }

        @Override
        public void quit() {
        }
    }
}
