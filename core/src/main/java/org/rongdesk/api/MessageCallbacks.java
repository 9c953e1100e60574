package org.rongdesk.api;

import com.google.gson.JsonObject;

import org.rongdesk.base.RongException;
import org.rongdesk.message.DownloadListener;
import org.rongdesk.message.MessageJson;
import org.rongdesk.message.SendListener;
import org.rongdesk.model.StoredMessage;

/** Turns send, download and receive events into the spec's {@code (ret, err)} callbacks. */
final class MessageCallbacks {
    private final CallbackDispatcher callbacks;

    MessageCallbacks(CallbackDispatcher callbacks) {
        this.callbacks = callbacks;
    }

    /** prepare → progress* → success | error, as the send methods answer. */
    SendListener send(Callback callback) {
        return new SendListener() {
            @Override
            public void prepared(StoredMessage message) {
                emit(callback, "prepare", withMessage(MessageJson.of(message)), null);
            }

            @Override
            public void progress(long messageId, int percent) {
                MessageCallbacks.this.progress(callback, messageId, percent);
            }

            @Override
            public void sent(long messageId) {
                emit(callback, "success", withMessage(MessageJson.idOnly(messageId)), null);
            }

            @Override
            public void failed(long messageId, RongException error) {
                MessageCallbacks.this.failed(callback, messageId, error);
            }
        };
    }

    /** progress* → success (with the whole message) | error. */
    DownloadListener download(Callback callback) {
        return new DownloadListener() {
            @Override
            public void progress(long messageId, int percent) {
                MessageCallbacks.this.progress(callback, messageId, percent);
            }

            @Override
            public void downloaded(StoredMessage message) {
                emit(callback, "success", withMessage(MessageJson.of(message)), null);
            }

            @Override
            public void failed(long messageId, RongException error) {
                MessageCallbacks.this.failed(callback, messageId, error);
            }
        };
    }

    /** {@code {"status":"success","result":{"message":{...},"left":n}}}. */
    void received(Callback callback, StoredMessage message, int left) {
        JsonObject result = withMessage(MessageJson.of(message));
        result.addProperty("left", left);
        emit(callback, "success", result, null);
    }

    private void progress(Callback callback, long messageId, int percent) {
        JsonObject result = withMessage(MessageJson.idOnly(messageId));
        result.addProperty("progress", percent);
        emit(callback, "progress", result, null);
    }

    private void failed(Callback callback, long messageId, RongException error) {
        JsonObject message = MessageJson.idOnly(messageId);
        message.addProperty("sentStatus", "FAILED");
        JsonObject err = new JsonObject();
        err.addProperty("code", error.code());
        err.addProperty("msg", error.getMessage());
        emit(callback, "error", withMessage(message), err);
    }

    private void emit(Callback callback, String status, JsonObject result, JsonObject err) {
        JsonObject ret = new JsonObject();
        ret.addProperty("status", status);
        ret.add("result", result);
        callbacks.emit(callback, ret, err);
    }

    private static JsonObject withMessage(JsonObject message) {
        JsonObject result = new JsonObject();
        result.add("message", message);
        return result;
    }
}
