package org.rongdesk.api;

import com.google.gson.JsonObject;

/**
 * The spec's {@code callback(ret, err)}. Called on the client's callback thread, never on a
 * network thread or the Swing EDT: once for most methods, {@code prepare → progress* →
 * success|error} for sends, and once per event for listeners. {@code err} is null on success.
 * A callback that blocks delays every later callback of the same client.
 */
@FunctionalInterface
public interface Callback {
    void call(JsonObject ret, JsonObject err);
}
