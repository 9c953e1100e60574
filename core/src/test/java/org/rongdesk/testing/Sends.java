package org.rongdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.function.BiConsumer;

import org.rongdesk.api.Callback;
import org.rongdesk.testing.Replies.Reply;

/** Shortcuts for tests that send and read messages through the facade. */
public final class Sends {
    private Sends() {
    }

    /** Params with conversationType, targetId and name/value pairs (strings, numbers, booleans). */
    public static JsonObject params(String type, String target, Object... more) {
        JsonObject params = new JsonObject();
        params.addProperty("conversationType", type);
        params.addProperty("targetId", target);
        return with(params, more);
    }

    /** Adds name/value pairs to {@code params}. */
    public static JsonObject with(JsonObject params, Object... more) {
        for (int i = 0; i < more.length; i += 2) {
            String name = (String) more[i];
            Object value = more[i + 1];
            if (value instanceof Number number) {
                params.addProperty(name, number);
            } else if (value instanceof Boolean bool) {
                params.addProperty(name, bool);
            } else if (value instanceof JsonElement json) {
                params.add(name, json);
            } else {
                params.addProperty(name, (String) value);
            }
        }
        return params;
    }

    /** Runs a send and waits for its final answer; returns the message id, failing the test on error. */
    public static long sendOk(BiConsumer<JsonObject, Callback> send, JsonObject params) {
        Replies replies = new Replies();
        send.accept(params, replies);
        Reply prepare = replies.next();
        assertThat(prepare.status()).as("first answer of %s", params).isEqualTo("prepare");
        long id = prepare.ret().getAsJsonObject("result").getAsJsonObject("message").get("messageId").getAsLong();
        Reply last = prepare;
        while (last.status().equals("prepare") || last.status().equals("progress")) {
            last = replies.next();
        }
        assertThat(last.status()).as("%s answered %s %s", params, last.ret(), last.err()).isEqualTo("success");
        return id;
    }

    /** The result of a query call that must succeed. */
    public static JsonElement result(BiConsumer<JsonObject, Callback> call, JsonObject params) {
        Replies replies = new Replies();
        call.accept(params, replies);
        Reply reply = replies.next();
        assertThat(reply.status()).as("%s answered %s %s", params, reply.ret(), reply.err()).isEqualTo("success");
        return reply.ret().get("result");
    }

    /** The error a call must answer with. */
    public static Reply error(BiConsumer<JsonObject, Callback> call, JsonObject params) {
        Replies replies = new Replies();
        call.accept(params, replies);
        Reply reply = replies.next();
        assertThat(reply.status()).as("%s answered %s", params, reply.ret()).isEqualTo("error");
        return reply;
    }

    /** The message object of a received-message event. */
    public static JsonObject message(Reply received) {
        return received.ret().getAsJsonObject("result").getAsJsonObject("message");
    }

    /** The ids of a page of messages, in order. */
    public static long[] ids(JsonElement page) {
        JsonArray array = page.getAsJsonArray();
        long[] ids = new long[array.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = array.get(i).getAsJsonObject().get("messageId").getAsLong();
        }
        return ids;
    }
}
