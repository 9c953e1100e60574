package org.rongdesk.bench;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.rongdesk.api.Callback;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;

/**
 * Two Rong Desk clients through the public API: the sender calls {@code sendTextMessage} without
 * waiting, the receiver's {@code setOnReceiveMessageListener} hands each text to the sink. Send
 * errors are counted.
 */
final class RongCloudPair implements Pair {
    private static final long CALL_TIMEOUT_SECONDS = 60;

    private final RongCloud sender;
    private final RongCloud receiver;
    private final String receiverUser;
    private final AtomicInteger sendErrors = new AtomicInteger();

    private RongCloudPair(RongCloud sender, RongCloud receiver, String receiverUser) {
        this.sender = sender;
        this.receiver = receiver;
        this.receiverUser = receiverUser;
    }

    static RongCloudPair connect(DevServer server, Path dir, String senderUser, String receiverUser, Consumer<String> sink)
            throws Exception {
        Path config = server.writeClientConfig(dir.resolve("config.xml"));
        RongCloud receiver = signIn(server, config, dir.resolve(receiverUser), receiverUser);
        receiver.setOnReceiveMessageListener((ret, err) -> {
            if (ret != null && ret.has("result")) {
                JsonObject content = ret.getAsJsonObject("result").getAsJsonObject("message").getAsJsonObject("content");
                if (content.has("text")) {
                    sink.accept(content.get("text").getAsString());
                }
            }
        });
        RongCloud sender = signIn(server, config, dir.resolve(senderUser), senderUser);
        return new RongCloudPair(sender, receiver, receiverUser);
    }

    /** Sends that answered with an error so far. */
    int sendErrors() {
        return sendErrors.get();
    }

    @Override
    public void send(String text) {
        JsonObject params = new JsonObject();
        params.addProperty("conversationType", "PRIVATE");
        params.addProperty("targetId", receiverUser);
        params.addProperty("text", text);
        sender.sendTextMessage(params, (ret, err) -> {
            if (err != null) {
                if (sendErrors.getAndIncrement() == 0) {
                    Log.info("first send error: " + err);
                }
            }
        });
    }

    @Override
    public void close() {
        for (RongCloud client : new RongCloud[] {sender, receiver}) {
            try {
                call(callback -> client.disconnect(new JsonObject(), callback));
            } catch (Exception e) {
                Log.info("disconnecting failed: " + e.getMessage());
            }
            client.close();
        }
    }

    private static RongCloud signIn(DevServer server, Path config, Path data, String user) throws Exception {
        RongCloud client = new RongCloud(config, data);
        call(client::init);
        JsonObject token = new JsonObject();
        token.addProperty("token", server.token(user, Duration.ofHours(1)));
        call(callback -> client.connect(token, callback));
        return client;
    }

    /** Makes one API call and waits for its answer; an error answer throws. */
    private static JsonObject call(Consumer<Callback> method) throws Exception {
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        method.accept((ret, err) -> {
            if (err != null) {
                answer.completeExceptionally(new IllegalStateException("the call answered " + err));
            } else {
                answer.complete(ret);
            }
        });
        return answer.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
