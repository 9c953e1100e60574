package org.rongdesk.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.rongdesk.config.ClientConfig;
import org.rongdesk.config.ConfigReader;
import org.rongdesk.connection.ConnectionManager;
import org.rongdesk.connection.ConnectionStatus;
import org.rongdesk.connection.Token;
import org.rongdesk.content.ContentTypes;
import org.rongdesk.conversation.ConversationKey;
import org.rongdesk.message.History;
import org.rongdesk.message.Messaging;
import org.rongdesk.message.StoredMessage;
import org.rongdesk.plugin.PluginHost;
import org.rongdesk.plugin.PluginServices;
import org.rongdesk.session.UserSession;
import org.rongdesk.threads.NamedThreads;

/**
 * The rongCloud API, one method per spec method, with the spec's names, JSON parameters and
 * {@code callback(ret, err)}. Every method returns at once; calls are carried out one after
 * another in the order they were made (so {@code init} then {@code connect} needs no waiting),
 * and callbacks arrive on the client's callback thread (see {@link Callback}).
 *
 * <p>One instance is one client: one config file, one data directory, one signed-in user at a
 * time. Methods that read or change local data need {@code connect} to have been called (its
 * token says whose data), not a live connection: history reads work offline.
 *
 * <p>Two methods beyond the spec: {@link #resendMessage} and {@link #downloadMediaMessage}.
 */
public final class RongCloud implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RongCloud.class.getName());

    private final Path configFile;
    private final Path dataDir;
    private final List<Path> pluginRoots;
    private final ContentTypes types = ContentTypes.withBuiltIns();
    private final CallbackDispatcher callbacks = new CallbackDispatcher();
    private final MessageCallbacks messageCallbacks = new MessageCallbacks(callbacks);
    private final ExecutorService calls = NamedThreads.single("rongcloud-calls");

    // written on the calls thread only
    private volatile ClientConfig config;
    private ConnectionManager connection;
    private volatile UserSession session;
    private volatile PluginHost plugins;
    private volatile boolean pluginsLater;
    private volatile Callback statusListener;
    private volatile Callback receiveListener;
    private volatile Callback pluginListener;

    /**
     * @param configFile the {@code config.xml} that {@link #init} reads (may be null: init then answers -10002)
     * @param dataDir    where this client keeps its local data
     */
    public RongCloud(Path configFile, Path dataDir) {
        this(configFile, dataDir, PluginHost.defaultRoots(dataDir));
    }

    /**
     * @param pluginRoots directories of plugin jars (the installation's and the user's; the last
     *                    one holds the user's {@code disabled.txt}, {@code enabled.txt} and plugin settings)
     */
    public RongCloud(Path configFile, Path dataDir, List<Path> pluginRoots) {
        this.configFile = configFile;
        this.dataDir = dataDir;
        this.pluginRoots = List.copyOf(pluginRoots);
    }

    /** The directory this client keeps its local data in. */
    public Path dataDir() {
        return dataDir;
    }

    // ---- init and connection

    /** Reads {@code config.xml}. -10002 when it is missing, unreadable or has no appKey. */
    public void init(Callback callback) {
        run(callback, () -> {
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
            if (!pluginsLater) {
                startPlugins();
            }
            callbacks.success(callback);
        });
    }

    /**
     * Makes {@link #init} leave the plugins for {@link #loadPlugins} (a desktop client starts
     * faster and loads them once its window is up). Call before init. Not a spec method.
     */
    public void loadPluginsLater() {
        pluginsLater = true;
    }

    /** Loads and starts the plugins now, if init left them; then success. Not a spec method. */
    public void loadPlugins(Callback callback) {
        run(callback, () -> {
            requireInit();
            startPlugins();
            callbacks.success(callback);
        });
    }

    // on the calls thread
    private void startPlugins() {
        if (plugins == null) {
            PluginHost host = new PluginHost(pluginRoots, pluginRoots.isEmpty() ? dataDir.resolve("plugins")
                    : pluginRoots.get(pluginRoots.size() - 1), types);
            host.setEvents(new PluginEventCallbacks(callbacks, () -> pluginListener));
            host.setServices(new SessionServices());
            host.load();
            plugins = host;
        }
    }

    /**
     * Signs in with {@code params.token}. Success gives {@code result.userId}. Errors: -10000,
     * -10002 (token missing or not a string), 2004 (token unreadable, forged, expired or for
     * another App Key), 2005 (App Key unknown to the server), 2003 (server unreachable), 5004
     * (server silent); after 2003 and 5004 the client keeps trying and reports status 0 when in.
     */
    public void connect(JsonObject params, Callback callback) {
        run(callback, () -> {
            requireInit();
            Token token = Token.parse(Params.requireString(params, "token"), config.appKey());
            if (session == null || !session.userId().equals(token.userId())) {
                closeSession();
                session = UserSession.open(config, dataDir, token.userId(), connection, types);
                session.messaging().setReceiveListener(this::reportReceived);
                session.messaging().incoming().addObserver(message -> {
                    PluginHost host = plugins;
                    if (host != null) {
                        host.received(message);
                    }
                });
                connection.setSessionListener(session.sessionListener());
            }
            answerWithUserId(connection.connect(token), callback);
        });
    }

    /** Signs in again with the last token. -10000 before init, -10001 before connect. */
    public void reconnect(Callback callback) {
        run(callback, () -> {
            requireInit();
            answerWithUserId(connection.reconnect(), callback);
        });
    }

    /** Signs out; {@code params.isReceivePush} (default true) is accepted. Status -9 follows. */
    public void disconnect(JsonObject params, Callback callback) {
        run(callback, () -> {
            requireInit();
            boolean receivePush = Params.optionalBoolean(params, "isReceivePush", true);
            connection.disconnect(receivePush).whenComplete((done, failure) -> {
                if (failure != null) {
                    callbacks.error(callback, asRongException(failure));
                } else {
                    callbacks.success(callback);
                }
            });
        });
    }

    /**
     * Sets the one listener that hears every connection status change as
     * {@code {"result":{"code":0,"connectionStatus":"CONNECTED"}}}; replaces the previous one.
     */
    public void setConnectionStatusListener(Callback callback) {
        run(callback, () -> {
            requireInit();
            statusListener = callback;
        });
    }

    // ---- sending and receiving

    /** Sends {@code text} (and {@code extra}): prepare, then success or error. */
    public void sendTextMessage(JsonObject params, Callback callback) {
        send(Messaging.Kind.TEXT, params, callback);
    }

    /** Sends the image at {@code imagePath}: prepare, progress while it uploads, then success or error. */
    public void sendImageMessage(JsonObject params, Callback callback) {
        send(Messaging.Kind.IMAGE, params, callback);
    }

    /** Sends the WAVE file at {@code voicePath} with {@code duration} seconds (measured when absent). */
    public void sendVoiceMessage(JsonObject params, Callback callback) {
        send(Messaging.Kind.VOICE, params, callback);
    }

    /** Sends {@code latitude}, {@code longitude}, {@code poi} and an optional map image at {@code imagePath}. */
    public void sendLocationMessage(JsonObject params, Callback callback) {
        send(Messaging.Kind.LOCATION, params, callback);
    }

    /** Sends {@code title}, {@code description}, {@code imageUrl} (and an optional link {@code url}). */
    public void sendRichContentMessage(JsonObject params, Callback callback) {
        send(Messaging.Kind.RICH_CONTENT, params, callback);
    }

    /** Sends command {@code name} with {@code data} (RC:CmdNtf: stored, never counted as unread). */
    public void sendCommandNotificationMessage(JsonObject params, Callback callback) {
        send(Messaging.Kind.COMMAND, params, callback);
    }

    /**
     * Rong Desk's addition: sends the FAILED message {@code messageId} again, answering like a
     * send (prepare with the whole message, progress, success or error).
     */
    public void resendMessage(JsonObject params, Callback callback) {
        run(callback, () -> requireSession().messaging().resend(History.messageId(params), messageCallbacks.send(callback)));
    }

    /**
     * Rong Desk's addition: downloads the file of received image, voice or location message
     * {@code messageId}: progress, then success with the whole message (its local path filled,
     * receivedStatus with 4).
     */
    public void downloadMediaMessage(JsonObject params, Callback callback) {
        run(callback, () -> requireSession().messaging().download(History.messageId(params),
                messageCallbacks.download(callback)));
    }

    /**
     * Sets the one listener of received messages: {@code {"status":"success","result":{"message":{...},"left":n}}}
     * for each, {@code left} counting down the batch delivered after (re)connecting.
     */
    public void setOnReceiveMessageListener(Callback callback) {
        run(callback, () -> {
            requireInit();
            receiveListener = callback;
        });
    }

    // ---- conversations

    public void getConversationList(Callback callback) {
        query(callback, session -> session.conversations().list());
    }

    /**
     * {@code count} conversations of {@link #getConversationList} from {@code offset}, in its
     * order: a window reads its first screenful in a millisecond whatever the store holds, and a
     * long list in pages that never hold 10,000 conversations' JSON at once. Not a spec method.
     */
    public void getConversationListRange(int offset, int count, Callback callback) {
        query(callback, session -> {
            if (offset < 0) {
                throw new RongException(ErrorCode.INVALID_PARAMETER, "offset must not be negative, was " + offset);
            }
            if (count < 1) {
                throw new RongException(ErrorCode.INVALID_PARAMETER, "count must be at least 1, was " + count);
            }
            return session.conversations().list(offset, count);
        });
    }

    public void getConversation(JsonObject params, Callback callback) {
        query(callback, session -> session.conversations().get(params));
    }

    public void removeConversation(JsonObject params, Callback callback) {
        command(callback, session -> session.conversations().remove(params));
    }

    public void clearConversations(JsonObject params, Callback callback) {
        command(callback, session -> session.conversations().clear(params));
    }

    public void setConversationToTop(JsonObject params, Callback callback) {
        command(callback, session -> session.conversations().setTop(params));
    }

    public void getConversationNotificationStatus(JsonObject params, Callback callback) {
        query(callback, session -> session.conversations().notificationStatus(params));
    }

    public void setConversationNotificationStatus(JsonObject params, Callback callback) {
        query(callback, session -> session.conversations().setNotificationStatus(params));
    }

    // ---- history

    public void getLatestMessages(JsonObject params, Callback callback) {
        query(callback, session -> session.history().latest(params));
    }

    public void getHistoryMessages(JsonObject params, Callback callback) {
        query(callback, session -> session.history().before(params));
    }

    public void getHistoryMessagesByObjectName(JsonObject params, Callback callback) {
        query(callback, session -> session.history().beforeByObjectName(params));
    }

    public void deleteMessages(JsonObject params, Callback callback) {
        command(callback, session -> session.history().delete(params));
    }

    public void clearMessages(JsonObject params, Callback callback) {
        command(callback, session -> session.history().clear(params));
    }

    // ---- unread and message status

    public void getTotalUnreadCount(Callback callback) {
        query(callback, session -> session.conversations().totalUnread());
    }

    public void getUnreadCount(JsonObject params, Callback callback) {
        query(callback, session -> session.conversations().unread(params));
    }

    public void getUnreadCountByConversationTypes(JsonObject params, Callback callback) {
        query(callback, session -> session.conversations().unreadByTypes(params));
    }

    public void setMessageReceivedStatus(JsonObject params, Callback callback) {
        command(callback, session -> session.history().setReceivedStatus(params));
    }

    public void clearMessagesUnreadStatus(JsonObject params, Callback callback) {
        command(callback, session -> session.conversations().clearUnread(params));
    }

    public void setMessageExtra(JsonObject params, Callback callback) {
        command(callback, session -> session.history().setExtra(params));
    }

    // ---- drafts

    public void getTextMessageDraft(JsonObject params, Callback callback) {
        query(callback, session -> session.conversations().draft(params));
    }

    public void saveTextMessageDraft(JsonObject params, Callback callback) {
        command(callback, session -> session.conversations().saveDraft(params));
    }

    public void clearTextMessageDraft(JsonObject params, Callback callback) {
        command(callback, session -> session.conversations().clearDraft(params));
    }

    // ---- discussions

    /** {@code {name, userIdList}} → {@code {discussionId}}; the invited users join by themselves. */
    public void createDiscussion(JsonObject params, Callback callback) {
        roomCall(callback, session -> session.rooms().discussions().create(params));
    }

    /** {@code {discussionId}} → {@code {creatorId, id, name, memberIdList, inviteStatus}}. */
    public void getDiscussion(JsonObject params, Callback callback) {
        roomCall(callback, session -> session.rooms().discussions().get(params));
    }

    public void setDiscussionName(JsonObject params, Callback callback) {
        roomCall(callback, session -> session.rooms().discussions().setName(params));
    }

    public void addMemberToDiscussion(JsonObject params, Callback callback) {
        roomCall(callback, session -> session.rooms().discussions().addMembers(params));
    }

    /** Only the creator removes, and not themselves: -1 otherwise, as the spec says. */
    public void removeMemberFromDiscussion(JsonObject params, Callback callback) {
        roomCall(callback, session -> session.rooms().discussions().removeMember(params));
    }

    public void quitDiscussion(JsonObject params, Callback callback) {
        roomCall(callback, session -> session.rooms().discussions().quit(params));
    }

    /** Takes {@code inviteStatus}, or the spec's own spelling {@code invateStatus}. */
    public void setDiscussionInviteStatus(JsonObject params, Callback callback) {
        roomCall(callback, session -> session.rooms().discussions().setInviteStatus(params));
    }

    // ---- groups and chat rooms

    public void syncGroup(JsonObject params, Callback callback) {
        roomCall(callback, session -> session.rooms().groups().sync(params));
    }

    public void joinGroup(JsonObject params, Callback callback) {
        roomCall(callback, session -> session.rooms().groups().join(params));
    }

    public void quitGroup(JsonObject params, Callback callback) {
        roomCall(callback, session -> session.rooms().groups().quit(params));
    }

    /** {@code defMessageCount}: -1 none, 0 or absent 10, at most 50 earlier messages. */
    public void joinChatRoom(JsonObject params, Callback callback) {
        roomCall(callback, session -> session.rooms().chatRooms().join(params));
    }

    public void quitChatRoom(JsonObject params, Callback callback) {
        roomCall(callback, session -> session.rooms().chatRooms().quit(params));
    }

    // ---- plugins (Rong Desk's additions)

    /**
     * Sends a message of any registered content type (plugin types included):
     * {@code {conversationType, targetId, objectName, content}}; the type checks the content
     * (-10002 saying what is wrong). Answers like the other sends.
     */
    public void sendMessage(JsonObject params, Callback callback) {
        send(Messaging.Kind.GENERIC, params, callback);
    }

    /** The plugins found: {@code [{id, version, state, path, problem}]}. */
    public void getPlugins(Callback callback) {
        run(callback, () -> {
            requireInit();
            PluginHost host = plugins;
            callbacks.success(callback, PluginEventCallbacks.statusJson(host == null ? List.of() : host.status()));
        });
    }

    /**
     * Sets the one listener of what plugins ask of the user's display:
     * {@code {"type":"announce","pluginId","text"}}, {@code {"type":"question","pluginId","questionId","text","choices"}},
     * {@code {"type":"control","pluginId","action","value"}}, {@code {"type":"status","plugins":[...]}}.
     */
    public void setPluginEventListener(Callback callback) {
        run(callback, () -> {
            requireInit();
            pluginListener = callback;
        });
    }

    /** The user's answer to a plugin's question: {@code {questionId, choice}}. */
    public void answerPluginQuestion(JsonObject params, Callback callback) {
        run(callback, () -> {
            requireInit();
            String questionId = Params.requireString(params, "questionId");
            String choice = Params.requireString(params, "choice");
            PluginHost host = plugins;
            if (host == null) {
                throw RongException.invalid("questionId: no plugin asked '" + Params.shorten(questionId) + "'");
            }
            host.answer(questionId, choice);
            callbacks.success(callback);
        });
    }

    /**
     * A content in one line of plain text, as its type says it (plugin types included): what
     * conversation lists and screen readers say. Not a spec method; answers at once.
     */
    public String summarize(String objectName, JsonObject content) {
        try {
            return types.get(objectName).map(type -> type.summary(content)).orElse("[" + objectName + "]");
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "no summary of a " + objectName, e);
            return "[" + objectName + "]";
        }
    }

    /**
     * The user whose data is open: set by connect once the token is read, even while the
     * connection itself is still being retried. Empty before. Not a spec method.
     */
    public Optional<String> userId() {
        UserSession current = session;
        return current == null ? Optional.empty() : Optional.of(current.userId());
    }

    /**
     * Where {@code fs://} points: the config's {@code fileBase}, else {@code <data dir>/fs}.
     * Empty before init. Not a spec method.
     */
    public Optional<Path> fileBase() {
        ClientConfig current = config;
        return current == null ? Optional.empty() : Optional.of(UserSession.fileBase(current, dataDir));
    }

    /** The plugin host, for the Swing client (message views); empty before init. */
    public Optional<PluginHost> pluginHost() {
        return Optional.ofNullable(plugins);
    }

    /** Signs out and stops this client's threads. */
    @Override
    public void close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        try {
            calls.execute(() -> {
                try {
                    if (connection != null) {
                        connection.close();
                    }
                    closeSession();
                    if (plugins != null) {
                        plugins.close();
                    }
                } finally {
                    closed.complete(null);
                }
            });
            closed.get(30, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            LOG.fine("closed twice");
        } catch (Exception e) {
            LOG.log(Level.WARNING, "closing the client did not finish", e);
        }
        calls.shutdown();
        callbacks.close();
    }

    private void send(Messaging.Kind kind, JsonObject params, Callback callback) {
        run(callback, () -> requireSession().messaging().send(kind, params, messageCallbacks.send(callback)));
    }

    /** What plugins may do through the signed-in user (whoever it is when they ask). */
    private final class SessionServices implements PluginServices {
        @Override
        public Optional<String> userId() {
            return Optional.ofNullable(session).map(UserSession::userId);
        }

        @Override
        public void send(ConversationKey conversation, String objectName, JsonObject content) {
            UserSession current = session;
            if (current == null) {
                LOG.info(() -> "a plugin tried to send a " + objectName + " message while nobody is signed in");
                return;
            }
            current.messaging().sendNotice(conversation, objectName, content);
        }

        @Override
        public List<StoredMessage> history(ConversationKey conversation, String objectName, int count) {
            UserSession current = session;
            return current == null ? List.of() : current.history(conversation, objectName, count);
        }
    }

    private void reportStatus(ConnectionStatus status) {
        Callback listener = statusListener;
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
        Callback listener = receiveListener;
        if (listener != null) {
            messageCallbacks.received(listener, message, left);
        }
    }

    private void answerWithUserId(CompletableFuture<String> signIn, Callback callback) {
        signIn.whenComplete((userId, failure) -> {
            if (failure != null) {
                callbacks.error(callback, asRongException(failure));
            } else {
                JsonObject result = new JsonObject();
                result.addProperty("userId", userId);
                callbacks.success(callback, result);
            }
        });
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private void requireInit() throws RongException {
        if (connection == null) {
            throw new RongException(ErrorCode.NOT_INITIALIZED, "init has not succeeded yet");
        }
    }

    private UserSession requireSession() throws RongException {
        requireInit();
        if (session == null) {
            throw new RongException(ErrorCode.NOT_CONNECTED, "connect has not been called yet");
        }
        return session;
    }

    private static RongException asRongException(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RongException rong) {
            return rong;
        }
        LOG.log(Level.WARNING, "unexpected failure", cause);
        return new RongException(ErrorCode.UNKNOWN, String.valueOf(cause));
    }

    /** A call's body: it answers through the dispatcher itself, or throws to answer an error. */
    @FunctionalInterface
    private interface Call {
        void run() throws RongException;
    }

    /** A read of the signed-in user's data. */
    @FunctionalInterface
    private interface SessionQuery {
        JsonElement run(UserSession session) throws RongException;
    }

    /** A change to the signed-in user's data. */
    @FunctionalInterface
    private interface SessionCommand {
        void run(UserSession session) throws RongException;
    }

    /** A room operation: checks its params at once, then works on the rooms thread. */
    @FunctionalInterface
    private interface RoomOperation {
        CompletableFuture<JsonElement> start(UserSession session) throws RongException;
    }

    /**
     * Room operations finish before the next call starts, so that, say, joinGroup then a send to
     * the group works without waiting for the first callback.
     */
    private void roomCall(Callback callback, RoomOperation operation) {
        run(callback, () -> {
            JsonElement result;
            try {
                result = operation.start(requireSession()).join();
            } catch (CompletionException e) {
                throw asRongException(e);
            }
            if (result == null) {
                callbacks.success(callback);
            } else {
                callbacks.success(callback, result);
            }
        });
    }

    private void query(Callback callback, SessionQuery query) {
        run(callback, () -> callbacks.success(callback, query.run(requireSession())));
    }

    private void command(Callback callback, SessionCommand command) {
        run(callback, () -> {
            command.run(requireSession());
            callbacks.success(callback);
        });
    }

    private void run(Callback callback, Call call) {
        if (callback == null) {
            throw new IllegalArgumentException("callback must not be null");
        }
        try {
            calls.execute(() -> {
                try {
                    call.run();
                } catch (RongException e) {
                    callbacks.error(callback, e);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "an API call failed", e);
                    callbacks.error(callback, new RongException(ErrorCode.UNKNOWN, String.valueOf(e.getMessage())));
                }
            });
        } catch (RejectedExecutionException e) {
            callbacks.error(callback, new RongException(ErrorCode.UNKNOWN, "the client has been closed"));
        }
    }
}
