package org.rongdesk.ui.app;

import com.google.gson.JsonObject;

import java.util.function.Consumer;

import javax.swing.SwingUtilities;

import org.rongdesk.api.Callback;

/** Moves facade callbacks, which arrive on the client's callback thread, onto the EDT. */
public final class Edt {
    private Edt() {
    }

    /** A callback that runs {@code handler} on the EDT. */
    public static Callback callback(Callback handler) {
        return (ret, err) -> SwingUtilities.invokeLater(() -> handler.call(ret, err));
    }

    /** An error object in words: its message and code. */
    public static String describe(JsonObject err) {
        if (err == null) {
            return "";
        }
        String code = err.has("code") ? " (" + err.get("code").getAsString() + ")" : "";
        return (err.has("msg") ? err.get("msg").getAsString() : "error") + code;
    }

    /** A callback for a call that succeeds or fails once: {@code success} gets {@code ret}, {@code failure} the error message. */
    public static Callback result(Consumer<JsonObject> success, Consumer<String> failure) {
        return callback((ret, err) -> {
            if (err == null) {
                success.accept(ret);
            } else {
                failure.accept(describe(err));
            }
        });
    }
}
