package org.rongdesk.ui.app;

import com.google.gson.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.swing.SwingUtilities;

import org.rongdesk.api.Callback;
import org.rongdesk.api.RongCloud;
import org.rongdesk.plugin.api.MessageView;
import org.rongdesk.plugin.api.PluginContext;

/**
 * The signed-in client as the windows see it: the facade, the user, and its events moved onto
 * the EDT. Calls go through {@link #call} so that every answer arrives on the EDT and every
 * failure reaches the user (status line and screen reader) unless the caller handles it.
 */
public final class Client {
    /** A facade method that takes parameters. */
    @FunctionalInterface
    public interface Method {
        void call(RongCloud rong, JsonObject params, Callback callback);
    }

    private final RongCloud rong;
    private final List<ClientEvents> listeners = new CopyOnWriteArrayList<>();
    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private Consumer<String> errors = message -> { };

    /** A client over an initialised facade; {@link #listen} before connecting. */
    public Client(RongCloud rong) {
        this.rong = rong;
    }

    /** Sets the facade's listeners; their events reach {@link #addListener listeners} on the EDT. */
    public void listen() {
        rong.setConnectionStatusListener(events(result -> {
            state = ConnectionState.of(result.get("code").getAsInt());
            listeners.forEach(l -> l.connectionChanged(state));
        }));
        rong.setOnReceiveMessageListener(events(result -> {
            MessageItem message = MessageItem.from(result.getAsJsonObject("message"));
            int left = result.has("left") ? result.get("left").getAsInt() : 0;
            listeners.forEach(l -> l.received(message, left));
        }));
        rong.setPluginEventListener(events(result -> listeners.forEach(l -> l.pluginEvent(result))));
        rong.setTypingStatusListener(events(result -> listeners.forEach(l -> l.typing(result.get("conversationType")
                .getAsString(), result.get("targetId").getAsString(), result.get("userId").getAsString(),
                result.get("typing").getAsBoolean()))));
        rong.setReadReceiptListener(events(result -> listeners.forEach(l -> l.readByPeer(result.get("conversationType")
                .getAsString(), result.get("targetId").getAsString(), result.get("lastMessageSendTime").getAsLong()))));
        rong.setOnRecallMessageListener(events(result -> {
            listeners.forEach(l -> l.recalled(result.get("messageId").getAsLong(), result.get("conversationType").getAsString(),
                    result.get("targetId").getAsString(), result.get("senderUserId").getAsString()));
            // the conversation's latest message may be the one that changed
            String type = result.get("conversationType").getAsString();
            String targetId = result.get("targetId").getAsString();
            listeners.forEach(l -> l.conversationChanged(type, targetId));
        }));
        rong.setOnMessageEditedListener(events(result -> {
            MessageItem message = MessageItem.from(result.getAsJsonObject("message"));
            listeners.forEach(l -> l.edited(message));
            listeners.forEach(l -> l.conversationChanged(message.type(), message.targetId()));
        }));
        rong.setUserInfoListener(events(result -> listeners.forEach(l -> l.userInfoChanged(result.get("userId").getAsString(),
                result.get("name").getAsString(), result.get("portraitUri").getAsString()))));
        rong.setPresenceListener(events(result -> listeners.forEach(l -> l.presenceChanged(result.get("userId").getAsString(),
                result.get("presence").getAsString()))));
    }

    /** A listener callback that hands each event's {@code result} to {@code handler} on the EDT (failed registrations are dropped). */
    private static Callback events(Consumer<JsonObject> handler) {
        return Edt.callback((ret, err) -> {
            if (err == null) {
                handler.accept(Json.result(ret));
            }
        });
    }

    public RongCloud rong() {
        return rong;
    }

    /** The signed-in user's id ("" before connect). */
    public String userId() {
        return rong.userId().orElse("");
    }

    /** The latest connection state. */
    public ConnectionState state() {
        return state;
    }

    /** Where failures go that a caller does not handle itself (set by the window). */
    public void setErrorSink(Consumer<String> sink) {
        this.errors = sink;
    }

    /** Reports a failure to the user. Call on the EDT. */
    public void reportError(String message) {
        errors.accept(message);
    }

    public void addListener(ClientEvents listener) {
        listeners.add(listener);
    }

    public void removeListener(ClientEvents listener) {
        listeners.remove(listener);
    }

    /** Calls {@code method}; {@code success} gets {@code ret} on the EDT, a failure goes to the error sink. */
    public void call(Method method, JsonObject params, Consumer<JsonObject> success) {
        call(method, params, success, this::reportError);
    }

    /** Calls {@code method}; {@code success} or {@code failure} runs on the EDT. */
    public void call(Method method, JsonObject params, Consumer<JsonObject> success, Consumer<String> failure) {
        method.call(rong, params, Edt.result(success, failure));
    }

    /**
     * Sends a message with one of the send methods: listeners hear it prepared, then SENT or
     * FAILED (a failure is also reported), and each time that its conversation changed (its row
     * is read again, not the list).
     */
    public void send(Method sendMethod, JsonObject params) {
        MessageItem[] prepared = {null};
        sendMethod.call(rong, params, Edt.callback((ret, err) -> {
            String status = ret.get("status").getAsString();
            if (prepared[0] == null && !"prepare".equals(status)) {
                reportError(Edt.describe(err));
                return;
            }
            switch (status) {
                case "prepare" -> {
                    prepared[0] = MessageItem.from(Json.result(ret).getAsJsonObject("message"));
                    listeners.forEach(l -> l.outgoing(prepared[0]));
                }
                case "progress" -> {
                    int percent = Json.result(ret).get("progress").getAsInt();
                    listeners.forEach(l -> l.sendProgress(prepared[0].id(), percent));
                }
                case "success" -> {
                    MessageItem sent = prepared[0].withSentStatus("SENT");
                    listeners.forEach(l -> l.outgoing(sent));
                }
                default -> {
                    MessageItem failed = prepared[0].withSentStatus("FAILED");
                    listeners.forEach(l -> l.outgoing(failed));
                    reportError(Edt.describe(err));
                }
            }
            if (!"progress".equals(status)) {
                MessageItem message = prepared[0];
                listeners.forEach(l -> l.conversationChanged(message.type(), message.targetId()));
            }
        }));
    }

    /** Tells every window that conversations changed: the list is read again (call on the EDT). */
    public void fireConversationsChanged() {
        SwingUtilities.invokeLater(() -> listeners.forEach(ClientEvents::conversationsChanged));
    }

    /** Tells every window that one conversation changed (read, a draft, a message deleted): its row is read again. */
    public void fireConversationChanged(String type, String targetId) {
        SwingUtilities.invokeLater(() -> listeners.forEach(l -> l.conversationChanged(type, targetId)));
    }

    /** A content in one line, as its type says it. */
    public String summarize(String objectName, JsonObject content) {
        return rong.summarize(objectName, content);
    }

    /** The view a plugin offers for messages of {@code objectName}, with its context. */
    public Optional<Map.Entry<MessageView, PluginContext>> pluginView(String objectName) {
        return rong.pluginView(objectName);
    }
}
