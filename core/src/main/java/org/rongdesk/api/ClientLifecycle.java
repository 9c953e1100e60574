package org.rongdesk.api;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.Params;
import org.rongdesk.base.RongException;
import org.rongdesk.config.ClientConfig;
import org.rongdesk.config.ConfigReader;
import org.rongdesk.connection.ConnectionManager;
import org.rongdesk.connection.ConnectionStatus;
import org.rongdesk.connection.Token;
import org.rongdesk.content.ContentTypes;
import org.rongdesk.message.MessageJson;
import org.rongdesk.message.RevisionListener;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.people.UserInfoJson;
import org.rongdesk.session.UserSession;

/**
 * One client's life: the config {@code init} reads, the connection made for it, the session of
 * the user {@code connect} signs in (their store, messaging, rooms), and the two listeners the
 * spec lets a program set on them. Changed on the calls thread only; read from any.
 */
final class ClientLifecycle {
    private final Path configFile;
    private final Path dataDir;
    private final ContentTypes types;
    private final CallbackDispatcher callbacks;
    private final MessageCallbacks messageCallbacks;
    private final Consumer<StoredMessage> observer;
    private volatile ClientConfig config;
    private ConnectionManager connection;
    private volatile UserSession session;
    private final Map<Listener, Callback> listeners = new ConcurrentHashMap<>();

    /** The listeners a program sets, one of each. */
    enum Listener { STATUS, RECEIVE, TYPING, READ_RECEIPT, RECALL, EDIT, USER_INFO, PRESENCE }

    /** @param observer sees every received message after it is stored (the plugins) */
    ClientLifecycle(Path configFile, Path dataDir, ContentTypes types, CallbackDispatcher callbacks,
            MessageCallbacks messageCallbacks, Consumer<StoredMessage> observer) {
        this.configFile = configFile;
        this.dataDir = dataDir;
        this.types = types;
        this.callbacks = callbacks;
        this.messageCallbacks = messageCallbacks;
        this.observer = observer;
    }

    /** Reads the config; a different one replaces the connection, but only while signed out. */
    void init() throws RongException {
        ClientConfig read = ConfigReader.read(configFile);
        if (connection != null && !read.equals(config)) {
            if (connection.status() != ConnectionStatus.DISCONNECTED) {
                throw RongException.invalid("the config changed while connected: disconnect before init");
            }
            closeSession();
            connection.close();
            connection = null;
        }
        if (connection == null) {
            config = read;
            connection = new ConnectionManager(read);
            connection.addStatusListener(this::reportStatus);
        }
    }

    /** Opens the token's user's session (unless open) and signs in; the callback hears the outcome. */
    void connect(JsonObject params, Callback callback) throws RongException {
        requireInit();
        Token token = Token.parse(Params.requireString(params, "token"), config.appKey());
        if (session == null || !session.userId().equals(token.userId())) {
            closeSession();
            session = UserSession.open(config, dataDir, token.userId(), connection, types);
            session.messaging().setReceiveListener(this::reportReceived);
            session.messaging().setTypingListener(this::reportTyping);
            session.messaging().setReadReceiptListener(this::reportRead);
            session.messaging().setRevisionListener(new RevisionListener() {
                @Override
                public void recalled(StoredMessage message) {
                    reportRecalled(message);
                }

                @Override
                public void edited(StoredMessage message) {
                    JsonObject result = new JsonObject();
                    result.add("message", MessageJson.of(message));
                    emitEvent(Listener.EDIT, result);
                }
            });
            session.messaging().incoming().addObserver(observer::accept);
            session.people().setUserInfoListener(info -> emitEvent(Listener.USER_INFO, UserInfoJson.of(info)));
            session.people().setPresenceListener((userId, presence) -> {
                JsonObject result = new JsonObject();
                result.addProperty("userId", userId);
                result.addProperty("presence", presence);
                emitEvent(Listener.PRESENCE, result);
            });
            connection.setSessionListener(session.sessionListener());
        }
        answerWithUserId(connection.connect(token), callback);
    }

    void reconnect(Callback callback) throws RongException {
        requireInit();
        answerWithUserId(connection.reconnect(), callback);
    }

    void disconnect(JsonObject params, Callback callback) throws RongException {
        requireInit();
        boolean receivePush = Params.optionalBoolean(params, "isReceivePush", true);
        connection.disconnect(receivePush).whenComplete((done, failure) -> {
            if (failure != null) {
                callbacks.error(callback, CallQueue.asRongException(failure));
            } else {
                callbacks.success(callback);
            }
        });
    }

    /** Sets the one {@code kind} listener (replacing the previous one). */
    void setListener(Listener kind, Callback listener) throws RongException {
        requireInit();
        listeners.put(kind, listener);
    }

    void requireInit() throws RongException {
        if (connection == null) {
            throw new RongException(ErrorCode.NOT_INITIALIZED, "init has not succeeded yet");
        }
    }

    UserSession requireSession() throws RongException {
        requireInit();
        if (session == null) {
            throw new RongException(ErrorCode.NOT_CONNECTED, "connect has not been called yet");
        }
        return session;
    }

    /** The signed-in user's session, if connect has opened one (any thread). */
    Optional<UserSession> session() {
        return Optional.ofNullable(session);
    }

    /** Where {@code fs://} points, once init has read the config (any thread). */
    Optional<Path> fileBase() {
        ClientConfig current = config;
        return current == null ? Optional.empty() : Optional.of(UserSession.fileBase(current, dataDir));
    }

    /** Closes the connection and the session. */
    void close() {
        if (connection != null) {
            connection.close();
        }
        closeSession();
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private void reportStatus(ConnectionStatus status) {
        Callback listener = listeners.get(Listener.STATUS);
        if (listener == null) {
            return;
        }
        JsonObject result = new JsonObject();
        result.addProperty("code", status.code());
        result.addProperty("connectionStatus", status.name());
        JsonObject ret = new JsonObject();
        ret.add("result", result);
        callbacks.emit(listener, ret, null);
    }

    private void reportReceived(StoredMessage message, int left) {
        Callback listener = listeners.get(Listener.RECEIVE);
        if (listener != null) {
            messageCallbacks.received(listener, message, left);
        }
    }

    /** {@code {"status":"success","result":{conversationType, targetId, userId, typing}}}. */
    private void reportTyping(ConversationKey conversation, String userId, boolean typing) {
        JsonObject result = conversationEvent(conversation);
        result.addProperty("userId", userId);
        result.addProperty("typing", typing);
        emitEvent(Listener.TYPING, result);
    }

    /** {@code {"status":"success","result":{conversationType, targetId, lastMessageSendTime}}}. */
    private void reportRead(ConversationKey conversation, long lastMessageSendTime) {
        JsonObject result = conversationEvent(conversation);
        result.addProperty("lastMessageSendTime", lastMessageSendTime);
        emitEvent(Listener.READ_RECEIPT, result);
    }

    /** {@code {"status":"success","result":{messageId, conversationType, targetId, senderUserId}}}. */
    private void reportRecalled(StoredMessage message) {
        JsonObject result = conversationEvent(message.conversation());
        result.addProperty("messageId", message.id());
        result.addProperty("senderUserId", message.senderUserId());
        emitEvent(Listener.RECALL, result);
    }

    private static JsonObject conversationEvent(ConversationKey conversation) {
        JsonObject result = new JsonObject();
        result.addProperty("conversationType", conversation.type().name());
        result.addProperty("targetId", conversation.targetId());
        return result;
    }

    private void emitEvent(Listener kind, JsonObject result) {
        Callback listener = listeners.get(kind);
        if (listener == null) {
            return;
        }
        JsonObject ret = new JsonObject();
        ret.addProperty("status", "success");
        ret.add("result", result);
        callbacks.emit(listener, ret, null);
    }

    private void answerWithUserId(CompletableFuture<String> signIn, Callback callback) {
        signIn.whenComplete((userId, failure) -> {
            if (failure != null) {
                callbacks.error(callback, CallQueue.asRongException(failure));
            } else {
                JsonObject result = new JsonObject();
                result.addProperty("userId", userId);
                callbacks.success(callback, result);
            }
        });
    }
}
