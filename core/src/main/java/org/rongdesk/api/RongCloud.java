package org.rongdesk.api;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.RongException;
import org.rongdesk.content.ContentTypes;
import org.rongdesk.message.History;
import org.rongdesk.message.Messaging;
import org.rongdesk.plugin.PluginHost;
import org.rongdesk.plugin.api.MessageView;
import org.rongdesk.plugin.api.PluginContext;
import org.rongdesk.session.UserSession;

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
 *
 * <p>The facade only routes: {@link CallQueue} orders the calls, {@link ClientLifecycle} holds
 * the config, the connection and the signed-in user's session, {@link PluginAdapter} the plugins.
 */
public final class RongCloud implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RongCloud.class.getName());

    private final Path dataDir;
    private final ContentTypes types = ContentTypes.withBuiltIns();
    private final CallbackDispatcher callbacks = new CallbackDispatcher();
    private final MessageCallbacks messageCallbacks = new MessageCallbacks(callbacks);
    private final PluginAdapter plugins;
    private final ClientLifecycle lifecycle;
    private final CallQueue queue;
    private volatile boolean pluginsLater;

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
        this.dataDir = dataDir;
        this.plugins = new PluginAdapter(pluginRoots, dataDir, types, callbacks, this::signedIn);
        this.lifecycle = new ClientLifecycle(configFile, dataDir, types, callbacks, messageCallbacks, plugins::received);
        this.queue = new CallQueue(callbacks, lifecycle::requireSession);
    }

    /** Whoever is signed in now: plugins act through them when they ask. */
    private Optional<UserSession> signedIn() {
        return lifecycle.session();
    }

    /** The directory this client keeps its local data in. */
    public Path dataDir() {
        return dataDir;
    }

    // ---- init and connection

    /** Reads {@code config.xml}. -10002 when it is missing, unreadable or has no appKey. */
    public void init(Callback callback) {
        queue.run(callback, () -> {
            lifecycle.init();
            if (!pluginsLater) {
                plugins.start();
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
        queue.run(callback, () -> {
            lifecycle.requireInit();
            plugins.start();
            callbacks.success(callback);
        });
    }

    /**
     * Signs in with {@code params.token}. Success gives {@code result.userId}. Errors: -10000,
     * -10002 (token missing or not a string), 2004 (token unreadable, forged, expired or for
     * another App Key), 2005 (App Key unknown to the server), 2003 (server unreachable), 5004
     * (server silent); after 2003 and 5004 the client keeps trying and reports status 0 when in.
     */
    public void connect(JsonObject params, Callback callback) {
        queue.run(callback, () -> lifecycle.connect(params, callback));
    }

    /** Signs in again with the last token. -10000 before init, -10001 before connect. */
    public void reconnect(Callback callback) {
        queue.run(callback, () -> lifecycle.reconnect(callback));
    }

    /** Signs out; {@code params.isReceivePush} (default true) is accepted. Status -9 follows. */
    public void disconnect(JsonObject params, Callback callback) {
        queue.run(callback, () -> lifecycle.disconnect(params, callback));
    }

    /**
     * Sets the one listener that hears every connection status change as
     * {@code {"result":{"code":0,"connectionStatus":"CONNECTED"}}}; replaces the previous one.
     */
    public void setConnectionStatusListener(Callback callback) {
        queue.run(callback, () -> lifecycle.setListener(ClientLifecycle.Listener.STATUS, callback));
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
        queue.run(callback, () -> lifecycle.requireSession().messaging().resend(History.messageId(params), messageCallbacks.send(callback)));
    }

    /**
     * Rong Desk's addition: downloads the file of received image, voice or location message
     * {@code messageId}: progress, then success with the whole message (its local path filled,
     * receivedStatus with 4).
     */
    public void downloadMediaMessage(JsonObject params, Callback callback) {
        queue.run(callback, () -> lifecycle.requireSession().messaging().download(History.messageId(params),
                messageCallbacks.download(callback)));
    }

    /**
     * Sets the one listener of received messages: {@code {"status":"success","result":{"message":{...},"left":n}}}
     * for each, {@code left} counting down the batch delivered after (re)connecting.
     */
    public void setOnReceiveMessageListener(Callback callback) {
        queue.run(callback, () -> lifecycle.setListener(ClientLifecycle.Listener.RECEIVE, callback));
    }

    /**
     * Tells the peer of a private conversation that the user is typing (Rong Desk's addition,
     * named after IMLib's; XEP-0085): {@code {conversationType: "PRIVATE", targetId}}. Call it as
     * the user types; a paused notice follows by itself after 6 s without a call, and a sent
     * message ends typing. Best effort: nothing is sent while signed out. Other conversation
     * types answer -10002.
     */
    public void sendTypingStatus(JsonObject params, Callback callback) {
        queue.command(callback, session -> session.messaging().sendTypingStatus(params));
    }

    /**
     * Sets the one listener of peers' typing: {@code {"result":{conversationType, targetId,
     * userId, typing}}} with {@code typing} true when a peer starts and false when they stop (a
     * paused notice, their message, or 6 s of silence). Any XMPP client's chat states count.
     */
    public void setTypingStatusListener(Callback callback) {
        queue.run(callback, () -> lifecycle.setListener(ClientLifecycle.Listener.TYPING, callback));
    }

    /**
     * Tells the peer of a private conversation that the user has read it (Rong Desk's addition,
     * named after IMLib's; XEP-0333 {@code displayed} on the newest received message that can be
     * named): {@code {conversationType: "PRIVATE", targetId}}. -2 when signed out; other
     * conversation types answer -10002; a conversation with nothing received answers success.
     */
    public void sendReadReceiptMessage(JsonObject params, Callback callback) {
        queue.command(callback, session -> session.messaging().sendReadReceipt(params));
    }

    /**
     * Sets the one listener of peers' read receipts: {@code {"result":{conversationType,
     * targetId, lastMessageSendTime}}}; the user's messages to that peer up to the one sent at
     * {@code lastMessageSendTime} are {@code sentStatus: "READ"} by then.
     */
    public void setReadReceiptListener(Callback callback) {
        queue.run(callback, () -> lifecycle.setListener(ClientLifecycle.Listener.READ_RECEIPT, callback));
    }

    /**
     * Recalls a message the user sent (Rong Desk's addition, named after IMLib's; XEP-0424
     * retraction, with a fallback body for clients without it): {@code {messageId}} → the
     * message as it is now, a recall notice ({@code RC:RcNtf {operatorId, recallTime,
     * originalObjectName}}), here and at every receiver. An unknown message, another's, or one
     * that was not sent answers -10002; signed out, -2.
     */
    public void recallMessage(JsonObject params, Callback callback) {
        queue.query(callback, session -> session.messaging().recall(params));
    }

    /**
     * Sets the one listener of recalls: {@code {"result":{messageId, conversationType, targetId,
     * senderUserId}}} once the stored message has become a recall notice (its text is no longer
     * found by searchMessages).
     */
    public void setOnRecallMessageListener(Callback callback) {
        queue.run(callback, () -> lifecycle.setListener(ClientLifecycle.Listener.RECALL, callback));
    }

    /**
     * Corrects the text of a text message the user sent (Rong Desk's addition; XEP-0308):
     * {@code {messageId, text}} → the message as it is now, its content marked {@code edited:
     * true}, here and at every receiver that knows corrections. Errors as {@link #recallMessage}.
     */
    public void editMessage(JsonObject params, Callback callback) {
        queue.query(callback, session -> session.messaging().edit(params));
    }

    /**
     * Sets the one listener of corrections: {@code {"result":{"message":{...}}}} with a received
     * message as its sender corrected it (same id, new text, {@code content.edited: true}).
     */
    public void setOnMessageEditedListener(Callback callback) {
        queue.run(callback, () -> lifecycle.setListener(ClientLifecycle.Listener.EDIT, callback));
    }

    // ---- conversations

    public void getConversationList(Callback callback) {
        queue.query(callback, session -> session.conversations().list());
    }

    /**
     * Finds stored messages by what they say (Rong Desk's addition, named after IMLib's):
     * {@code {keyword, conversationType?, targetId?, count? = 20 (1–200), beginTime? = 0}} →
     * messages in the spec's shape, newest first, whose text, rich-content title or description
     * or location name contain {@code keyword} — any part of Chinese, Japanese or Korean text, the
     * start of a word otherwise, case-insensitively; sent before {@code beginTime} when above 0.
     * An empty keyword answers -10002.
     */
    public void searchMessages(JsonObject params, Callback callback) {
        queue.query(callback, session -> session.history().search(params));
    }

    /**
     * {@code count} conversations of {@link #getConversationList} from {@code offset}, in its
     * order: a window reads its first screenful in a millisecond whatever the store holds, and a
     * long list in pages that never hold 10,000 conversations' JSON at once. Not a spec method.
     */
    public void getConversationListRange(int offset, int count, Callback callback) {
        queue.query(callback, session -> {
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
        queue.query(callback, session -> session.conversations().get(params));
    }

    public void removeConversation(JsonObject params, Callback callback) {
        queue.command(callback, session -> session.conversations().remove(params));
    }

    public void clearConversations(JsonObject params, Callback callback) {
        queue.command(callback, session -> session.conversations().clear(params));
    }

    public void setConversationToTop(JsonObject params, Callback callback) {
        queue.command(callback, session -> session.conversations().setTop(params));
    }

    public void getConversationNotificationStatus(JsonObject params, Callback callback) {
        queue.query(callback, session -> session.conversations().notificationStatus(params));
    }

    public void setConversationNotificationStatus(JsonObject params, Callback callback) {
        queue.query(callback, session -> session.conversations().setNotificationStatus(params));
    }

    // ---- history

    public void getLatestMessages(JsonObject params, Callback callback) {
        queue.query(callback, session -> session.history().latest(params));
    }

    public void getHistoryMessages(JsonObject params, Callback callback) {
        queue.query(callback, session -> session.history().before(params));
    }

    public void getHistoryMessagesByObjectName(JsonObject params, Callback callback) {
        queue.query(callback, session -> session.history().beforeByObjectName(params));
    }

    public void deleteMessages(JsonObject params, Callback callback) {
        queue.command(callback, session -> session.history().delete(params));
    }

    public void clearMessages(JsonObject params, Callback callback) {
        queue.command(callback, session -> session.history().clear(params));
    }

    // ---- unread and message status

    public void getTotalUnreadCount(Callback callback) {
        queue.query(callback, session -> session.conversations().totalUnread());
    }

    public void getUnreadCount(JsonObject params, Callback callback) {
        queue.query(callback, session -> session.conversations().unread(params));
    }

    public void getUnreadCountByConversationTypes(JsonObject params, Callback callback) {
        queue.query(callback, session -> session.conversations().unreadByTypes(params));
    }

    public void setMessageReceivedStatus(JsonObject params, Callback callback) {
        queue.command(callback, session -> session.history().setReceivedStatus(params));
    }

    public void clearMessagesUnreadStatus(JsonObject params, Callback callback) {
        queue.command(callback, session -> session.conversations().clearUnread(params));
    }

    public void setMessageExtra(JsonObject params, Callback callback) {
        queue.command(callback, session -> session.history().setExtra(params));
    }

    // ---- drafts

    public void getTextMessageDraft(JsonObject params, Callback callback) {
        queue.query(callback, session -> session.conversations().draft(params));
    }

    public void saveTextMessageDraft(JsonObject params, Callback callback) {
        queue.command(callback, session -> session.conversations().saveDraft(params));
    }

    public void clearTextMessageDraft(JsonObject params, Callback callback) {
        queue.command(callback, session -> session.conversations().clearDraft(params));
    }

    // ---- discussions

    /** {@code {name, userIdList}} → {@code {discussionId}}; the invited users join by themselves. */
    public void createDiscussion(JsonObject params, Callback callback) {
        queue.awaited(callback, session -> session.rooms().discussions().create(params));
    }

    /** {@code {discussionId}} → {@code {creatorId, id, name, memberIdList, inviteStatus}}. */
    public void getDiscussion(JsonObject params, Callback callback) {
        queue.awaited(callback, session -> session.rooms().discussions().get(params));
    }

    public void setDiscussionName(JsonObject params, Callback callback) {
        queue.awaited(callback, session -> session.rooms().discussions().setName(params));
    }

    public void addMemberToDiscussion(JsonObject params, Callback callback) {
        queue.awaited(callback, session -> session.rooms().discussions().addMembers(params));
    }

    /** Only the creator removes, and not themselves: -1 otherwise, as the spec says. */
    public void removeMemberFromDiscussion(JsonObject params, Callback callback) {
        queue.awaited(callback, session -> session.rooms().discussions().removeMember(params));
    }

    public void quitDiscussion(JsonObject params, Callback callback) {
        queue.awaited(callback, session -> session.rooms().discussions().quit(params));
    }

    /** Takes {@code inviteStatus}, or the spec's own spelling {@code invateStatus}. */
    public void setDiscussionInviteStatus(JsonObject params, Callback callback) {
        queue.awaited(callback, session -> session.rooms().discussions().setInviteStatus(params));
    }

    // ---- groups and chat rooms

    public void syncGroup(JsonObject params, Callback callback) {
        queue.awaited(callback, session -> session.rooms().groups().sync(params));
    }

    public void joinGroup(JsonObject params, Callback callback) {
        queue.awaited(callback, session -> session.rooms().groups().join(params));
    }

    public void quitGroup(JsonObject params, Callback callback) {
        queue.awaited(callback, session -> session.rooms().groups().quit(params));
    }

    /** {@code defMessageCount}: -1 none, 0 or absent 10, at most 50 earlier messages. */
    public void joinChatRoom(JsonObject params, Callback callback) {
        queue.awaited(callback, session -> session.rooms().chatRooms().join(params));
    }

    public void quitChatRoom(JsonObject params, Callback callback) {
        queue.awaited(callback, session -> session.rooms().chatRooms().quit(params));
    }

    // ---- people (Rong Desk's additions)

    /**
     * Publishes the user's profile: {@code {name, portraitPath?}} → {@code {userId, name,
     * portraitUri}}. {@code name} 1–64 characters (vCard NICKNAME and FN, the PEP nickname);
     * {@code portraitPath} an image (absolute or {@code fs://}) made into a 192-pixel PNG (vCard
     * PHOTO, XEP-0084, its hash in the user's presence); an empty path removes the picture, none
     * keeps it. -10002 naming the field; -2 when signed out.
     */
    public void setUserInfo(JsonObject params, Callback callback) {
        queue.awaited(callback, session -> session.people().setUserInfo(params));
    }

    /**
     * {@code {userId}} → {@code {userId, name, portraitUri}} from any XMPP client's vCard: the kept
     * copy at once (read again in the background when old), else read now; without a profile, or
     * unknown, or unreachable, the id is the name and portraitUri is empty. {@code portraitUri} is
     * a {@code file:} URI of the picture kept here.
     */
    public void getUserInfo(JsonObject params, Callback callback) {
        queue.async(callback, session -> session.people().userInfo(params));
    }

    /** Sets the one listener of changed names and pictures: {@code {"result":{userId, name, portraitUri}}}. */
    public void setUserInfoListener(Callback callback) {
        queue.run(callback, () -> lifecycle.setListener(ClientLifecycle.Listener.USER_INFO, callback));
    }

    /**
     * The user's contacts (their roster): {@code [{userId, name, portraitUri, presence,
     * subscription}]} by name; {@code presence} online, away or offline; {@code subscription}
     * none, to, from or both. Signed out, the list last seen, everyone offline.
     */
    public void getContacts(Callback callback) {
        queue.query(callback, session -> session.people().contacts());
    }

    /**
     * {@code {userId}}: adds them to the contacts and asks to see their presence; their own
     * request is accepted (now, or when it comes). -2 when signed out.
     */
    public void addContact(JsonObject params, Callback callback) {
        queue.command(callback, session -> session.people().addContact(params));
    }

    /** {@code {userId}}: removes a contact; presence is no longer shared either way. -10002 when not a contact. */
    public void removeContact(JsonObject params, Callback callback) {
        queue.command(callback, session -> session.people().removeContact(params));
    }

    /** Sets the one listener of contacts' presence: {@code {"result":{userId, presence}}}. */
    public void setPresenceListener(Callback callback) {
        queue.run(callback, () -> lifecycle.setListener(ClientLifecycle.Listener.PRESENCE, callback));
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
        queue.run(callback, () -> {
            lifecycle.requireInit();
            callbacks.success(callback, plugins.status());
        });
    }

    /**
     * Sets the one listener of what plugins ask of the user's display:
     * {@code {"type":"announce","pluginId","text"}}, {@code {"type":"question","pluginId","questionId","text","choices"}},
     * {@code {"type":"control","pluginId","action","value"}}, {@code {"type":"status","plugins":[...]}}.
     */
    public void setPluginEventListener(Callback callback) {
        queue.run(callback, () -> {
            lifecycle.requireInit();
            plugins.setListener(callback);
        });
    }

    /** The user's answer to a plugin's question: {@code {questionId, choice}}. */
    public void answerPluginQuestion(JsonObject params, Callback callback) {
        queue.run(callback, () -> {
            lifecycle.requireInit();
            plugins.answer(params);
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
        return lifecycle.session().map(UserSession::userId);
    }

    /**
     * Where {@code fs://} points: the config's {@code fileBase}, else {@code <data dir>/fs}.
     * Empty before init. Not a spec method.
     */
    public Optional<Path> fileBase() {
        return lifecycle.fileBase();
    }

    /**
     * The view a plugin offers for messages of {@code objectName}, with the context to give it
     * (a poll with its vote buttons); empty when no loaded plugin has one. Not a spec method.
     */
    public Optional<Map.Entry<MessageView, PluginContext>> pluginView(String objectName) {
        return plugins.view(objectName);
    }

    /** Signs out and stops this client's threads. */
    @Override
    public void close() {
        queue.closeAfter(() -> {
            lifecycle.close();
            plugins.close();
        });
        callbacks.close();
    }

    private void send(Messaging.Kind kind, JsonObject params, Callback callback) {
        queue.run(callback, () -> lifecycle.requireSession().messaging().send(kind, params, messageCallbacks.send(callback)));
    }
}
