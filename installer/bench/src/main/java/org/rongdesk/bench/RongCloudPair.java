package org.rongdesk.bench;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.plugin.PluginHost;

/**
 * Two Rong Desk clients through the public API: the sender calls {@code sendTextMessage} without
 * waiting, the receiver's {@code setOnReceiveMessageListener} hands each text to the sink. Send
 * errors are counted.
 */
final class RongCloudPair implements Pair {
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
        RongCloud receiver = ApiCalls.signIn(server, config, dir.resolve(receiverUser), receiverUser,
                PluginHost.defaultRoots(dir.resolve(receiverUser)));
        receiver.setOnReceiveMessageListener((ret, err) -> {
            if (ret != null && ret.has("result")) {
                JsonObject content = ret.getAsJsonObject("result").getAsJsonObject("message").getAsJsonObject("content");
                if (content.has("text")) {
                    sink.accept(content.get("text").getAsString());
                }
            }
        });
        RongCloud sender = ApiCalls.signIn(server, config, dir.resolve(senderUser), senderUser,
                PluginHost.defaultRoots(dir.resolve(senderUser)));
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
                ApiCalls.call(callback -> client.disconnect(new JsonObject(), callback));
            } catch (Exception e) {
                Log.info("disconnecting failed: " + e.getMessage());
            }
            client.close();
        }
    }
}
