package org.rongdesk.bench;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.rongdesk.api.Callback;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;

/** Blocking use of the asynchronous public API, for setting benchmarks up. */
final class ApiCalls {
    private static final long CALL_TIMEOUT_SECONDS = 60;

    private ApiCalls() {
    }

    /** A client of {@code server} signed in as {@code user} with its data in {@code data}, plugins from {@code pluginRoots}. */
    static RongCloud signIn(DevServer server, Path config, Path data, String user, List<Path> pluginRoots) throws Exception {
        RongCloud client = initialized(config, data, pluginRoots);
        connect(server, client, user);
        return client;
    }

    /** A client that has read {@code config} (init), not connected yet. */
    static RongCloud initialized(Path config, Path data, List<Path> pluginRoots) throws Exception {
        RongCloud client = new RongCloud(config, data, pluginRoots);
        call(client::init);
        return client;
    }

    /** Connects {@code client} as {@code user} with a fresh token and waits until it is signed in. */
    static void connect(DevServer server, RongCloud client, String user) throws Exception {
        JsonObject token = new JsonObject();
        token.addProperty("token", server.token(user, Duration.ofHours(1)));
        call(callback -> client.connect(token, callback));
    }

    /** Makes one API call and waits for its answer; an error answer throws. */
    static JsonObject call(Consumer<Callback> method) throws Exception {
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
