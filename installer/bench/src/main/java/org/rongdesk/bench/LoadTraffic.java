package org.rongdesk.bench;

import com.google.gson.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.rongdesk.api.RongCloud;

/**
 * The traffic of a load run: every client sends text messages at a steady rate, alternately to
 * the chat room and to a randomly chosen other client, each starting at a random moment of its
 * first period so that sends spread out. A message's {@code extra} is {@value #EXTRA_PREFIX} and
 * its ledger index; its text says the same for a person reading a store.
 */
final class LoadTraffic {
    /** How a load message's extra starts. */
    static final String EXTRA_PREFIX = "load#";

    private final LoadClients clients;
    private final LoadLedger ledger;
    private final String roomId;
    private final Random random = new Random(8);

    LoadTraffic(LoadClients clients, LoadLedger ledger, String roomId) {
        this.clients = clients;
        this.ledger = ledger;
        this.roomId = roomId;
    }

    /** Sends for {@code duration} at {@code perSecond} messages a second per client; returns when the last is issued. */
    void run(Duration duration, double perSecond) throws InterruptedException {
        long periodMicros = Math.max(1, Math.round(1e6 / perSecond));
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "load-traffic");
            thread.setDaemon(true);
            return thread;
        });
        List<ScheduledFuture<?>> senders = new ArrayList<>();
        try {
            for (int sender = 0; sender < clients.clients().size(); sender++) {
                Runnable tick = sender(sender);
                senders.add(ticks.scheduleAtFixedRate(tick, (long) (random.nextDouble() * periodMicros), periodMicros,
                        TimeUnit.MICROSECONDS));
            }
            Thread.sleep(duration.toMillis());
        } finally {
            senders.forEach(future -> future.cancel(false));
            ticks.shutdown();
            ticks.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** One client's tick: a room message, then a private one, and so on. */
    private Runnable sender(int sender) {
        RongCloud client = clients.clients().get(sender);
        int others = clients.clients().size() - 1;
        Random choice = new Random(random.nextLong());
        boolean[] toRoom = {true};
        return () -> {
            if (toRoom[0]) {
                send(client, ledger.register(LoadLedger.Kind.ROOM, sender, -1), "CHATROOM", roomId);
            } else {
                int addressee = choice.nextInt(others);
                addressee += addressee >= sender ? 1 : 0;
                send(client, ledger.register(LoadLedger.Kind.PRIVATE, sender, addressee), "PRIVATE",
                        clients.users().get(addressee));
            }
            toRoom[0] = !toRoom[0] || others == 0;
        };
    }

    private void send(RongCloud client, int index, String conversationType, String targetId) {
        JsonObject params = new JsonObject();
        params.addProperty("conversationType", conversationType);
        params.addProperty("targetId", targetId);
        params.addProperty("text", "load message " + index + " 负载测试");
        params.addProperty("extra", EXTRA_PREFIX + index);
        client.sendTextMessage(params, (ret, err) -> {
            String status = ret == null || !ret.has("status") ? "" : ret.get("status").getAsString();
            if (err != null || status.equals("error")) {
                ledger.answered(index, err != null ? err : ret);
            } else if (status.equals("success")) {
                ledger.answered(index, null);
            }
        });
    }
}
