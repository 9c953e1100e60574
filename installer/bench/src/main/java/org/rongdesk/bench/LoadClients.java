package org.rongdesk.bench;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;

/**
 * The clients of a load run, in one JVM: each its own {@link RongCloud} with its own data
 * directory (so its own H2 store), signed in as {@code load01}, {@code load02} … (to one server, or
 * spread over a cluster's nodes),
 * its receive listener set before connecting and feeding the {@link LoadLedger}. No plugins: the
 * run measures messaging.
 */
final class LoadClients implements AutoCloseable {
    /** Sign-ins and joins at a time: ejabberd's listener backlog and 2 cores. */
    private static final int PARALLEL = 4;

    private final List<String> users;
    private final List<RongCloud> clients = new ArrayList<>();

    private LoadClients(List<String> users) {
        this.users = users;
    }

    /** The user ids of {@code count} clients. */
    static List<String> users(int count) {
        List<String> users = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            users.add(String.format("load%02d", i));
        }
        return users;
    }

    /**
     * Signs every user in, client {@code i} with config {@code configs.apply(i)} and a token of
     * {@code tokens}, each client's receipts going to {@code ledger}. On failure the clients made
     * so far are closed.
     */
    static LoadClients signIn(IntFunction<Path> configs, DevServer tokens, Path dir, List<String> users, LoadLedger ledger)
            throws Exception {
        LoadClients all = new LoadClients(users);
        try {
            for (int i = 0; i < users.size(); i++) {
                RongCloud client = ApiCalls.initialized(configs.apply(i), dir.resolve(users.get(i)), List.of());
                int receiver = i;
                client.setOnReceiveMessageListener((ret, err) -> {
                    if (err == null && ret.has("result")) {
                        ledger.received(receiver, ret.getAsJsonObject("result").getAsJsonObject("message"));
                    }
                });
                all.clients.add(client);
            }
            all.eachInParallel((client, user) -> ApiCalls.connect(tokens, client, user));
            return all;
        } catch (Exception e) {
            all.close();
            throw e;
        }
    }

    /**
     * Everyone enters chat room {@code roomId} without its history: the first alone (it creates
     * the room), then the others.
     */
    void joinRoom(String roomId) throws Exception {
        JsonObject params = new JsonObject();
        params.addProperty("chatRoomId", roomId);
        params.addProperty("defMessageCount", -1);
        ApiCalls.call(callback -> clients.get(0).joinChatRoom(params, callback));
        eachInParallel((client, user) -> {
            if (client != clients.get(0)) {
                ApiCalls.call(callback -> client.joinChatRoom(params, callback));
            }
        });
    }

    List<RongCloud> clients() {
        return clients;
    }

    List<String> users() {
        return users;
    }

    @Override
    public void close() {
        try {
            eachInParallel((client, user) -> client.close());
        } catch (Exception e) {
            Log.info("closing the clients failed: " + e);
        }
    }

    /** One step of a client. */
    @FunctionalInterface
    private interface Step {
        void run(RongCloud client, String user) throws Exception;
    }

    /** Runs {@code step} for every client, {@value #PARALLEL} at a time; the first failure is thrown. */
    private void eachInParallel(Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                RongCloud client = clients.get(i);
                String user = users.get(i);
                done.add(pool.submit(() -> {
                    step.run(client, user);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
