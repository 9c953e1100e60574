package org.rongdesk.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.rongdesk.base.NamedThreads;
import org.rongdesk.base.RongException;

/**
 * Delivers callbacks of one client, in order, on one thread of their own ("rongcloud-callbacks"):
 * never on a network thread, never on the Swing EDT. A callback that throws is logged and the
 * next one still runs.
 */
final class CallbackDispatcher {
    private static final Logger LOG = Logger.getLogger(CallbackDispatcher.class.getName());
    private final ExecutorService thread = NamedThreads.single("rongcloud-callbacks");

    /** {@code {"status":"success"}}. */
    void success(Callback callback) {
        emit(callback, status("success"), null);
    }

    /** {@code {"status":"success","result":result}}. */
    void success(Callback callback, JsonElement result) {
        JsonObject ret = status("success");
        ret.add("result", result);
        emit(callback, ret, null);
    }

    /** {@code {"status":"error"}} with {@code {"code":..,"msg":..}}. */
    void error(Callback callback, RongException error) {
        JsonObject err = new JsonObject();
        err.addProperty("code", error.code());
        err.addProperty("msg", error.getMessage());
        emit(callback, status("error"), err);
    }

    void emit(Callback callback, JsonObject ret, JsonObject err) {
        try {
            thread.execute(() -> {
                try {
                    callback.call(ret, err);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a callback threw; later callbacks still run", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.fine("callback after close dropped: " + ret);
        }
    }

    /** Runs the callbacks already queued, then stops. */
    void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warning("callbacks still running after 5 s at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonObject status(String status) {
        JsonObject ret = new JsonObject();
        ret.addProperty("status", status);
        return ret;
    }
}
