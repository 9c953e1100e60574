package org.rongdesk.testing;

import com.google.gson.JsonObject;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

import org.rongdesk.api.Callback;
import org.rongdesk.api.RongCloud;

/**
 * A Rong Desk client in a JVM of its own, for a test to kill: signs in, then sends texts to a peer
 * without pause while it receives. Prints one line per event on stdout: {@code connected},
 * {@code got TEXT} after a received message was reported (so stored), {@code sent TEXT} after the
 * server confirmed one of its own.
 */
public final class CrashingClient {
    private static final int SENDS_OUT = 20;

    private CrashingClient() {
    }

    /** Arguments: config file, data directory, token file, peer user id. */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        RongCloud client = new RongCloud(Path.of(args[0]), Path.of(args[1]));
        Replies replies = new Replies();
        client.init(replies);
        replies.next();
        client.setOnReceiveMessageListener((ret, err) -> {
            if (ret != null && ret.has("result")) {
                JsonObject content = ret.getAsJsonObject("result").getAsJsonObject("message").getAsJsonObject("content");
                out.println("got " + content.get("text").getAsString());
            }
        });
        client.connect(Clients.token(Files.readString(Path.of(args[2])).trim()), replies);
        if (!replies.next().status().equals("success")) {
            System.exit(2);
        }
        out.println("connected");
        String peer = args[3];
        Semaphore window = new Semaphore(SENDS_OUT); // several sends always under way when the kill comes
        for (int i = 0; ; i++) {
            String text = String.format("back-%05d", i);
            window.acquire();
            Callback callback = (ret, err) -> {
                String status = ret != null && ret.has("status") ? ret.get("status").getAsString() : "error";
                if (status.equals("success")) {
                    out.println("sent " + text);
                }
                if (!status.equals("prepare")) {
                    window.release();
                }
            };
            client.sendTextMessage(Sends.params("PRIVATE", peer, "text", text), callback);
        }
    }
}
