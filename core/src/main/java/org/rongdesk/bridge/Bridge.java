package org.rongdesk.bridge;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import org.rongdesk.api.Callback;
import org.rongdesk.api.RongCloud;
import org.rongdesk.base.Params;
import org.rongdesk.base.RongException;

/**
 * Serves one {@link RongCloud} over JSON lines. Each request line
 * {@code {"id":7,"method":"connect","params":{...}}} is answered by one line per callback
 * invocation, {@code {"id":7,"ret":{...},"err":{...}|null}}; a line that is not a JSON object,
 * names no or an unknown method, or has parameters of the wrong shape is answered with -10002 and
 * the bridge reads on; so is a line longer than {@value #MAX_LINE_CHARS} characters, skipped unread. At the end of input it waits for the answers still owed (listeners
 * excepted), disconnects and returns.
 */
public final class Bridge {
    private static final Logger LOG = Logger.getLogger(Bridge.class.getName());
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    /**
     * Longest request line read, in characters: the largest valid request (65,536 characters of
     * text, as much extra, a 64 KiB thumbnail) is far below it, and the bridge's 128 MiB heap far above.
     */
    static final int MAX_LINE_CHARS = 4 << 20;
    /**
     * Characters of requests read and not yet answered, at most: past it, reading waits for
     * answers. Requests are read faster than they are carried out, and each holds its params
     * until done, so a program writing many large requests at once must not fill the heap
     * (a queue of 1 MiB texts did under 128 MiB).
     */
    static final long MAX_PENDING_CHARS = 16L << 20;

    /** A facade method as the bridge calls it: with the request's raw params. */
    @FunctionalInterface
    private interface Method {
        void invoke(JsonElement params, Callback callback) throws RongException;
    }

    private final RongCloud rong;
    private final PrintStream out;
    private final Gson gson = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    private final Map<String, Method> methods;
    private final Object pendingLock = new Object();
    private int pending;
    private long pendingChars;

    public Bridge(RongCloud rong, PrintStream out) {
        this.rong = rong;
        this.out = out;
        this.methods = methods(rong);
    }

    /** A facade method taking a params object. */
    @FunctionalInterface
    private interface WithParams {
        void call(JsonObject params, Callback callback);
    }

    /** A facade method taking no params. */
    @FunctionalInterface
    private interface WithoutParams {
        void call(Callback callback);
    }

    /** The names the bridge answers to. */
    static Set<String> methodNames(RongCloud rong) {
        return methods(rong).keySet();
    }

    private static Map<String, Method> methods(RongCloud rong) {
        Map<String, Method> table = new HashMap<>();
        Map<String, WithoutParams> withoutParams = new HashMap<>();
        withoutParams.put("init", rong::init);
        withoutParams.put("reconnect", rong::reconnect);
        withoutParams.put("setConnectionStatusListener", rong::setConnectionStatusListener);
        withoutParams.put("setOnReceiveMessageListener", rong::setOnReceiveMessageListener);
        withoutParams.put("getConversationList", rong::getConversationList);
        withoutParams.put("getTotalUnreadCount", rong::getTotalUnreadCount);
        withoutParams.put("getPlugins", rong::getPlugins);
        withoutParams.put("setPluginEventListener", rong::setPluginEventListener);
        withoutParams.put("setTypingStatusListener", rong::setTypingStatusListener);
        withoutParams.put("setReadReceiptListener", rong::setReadReceiptListener);
        withoutParams.put("setOnRecallMessageListener", rong::setOnRecallMessageListener);
        withoutParams.put("setOnMessageEditedListener", rong::setOnMessageEditedListener);
        withoutParams.put("setUserInfoListener", rong::setUserInfoListener);
        withoutParams.put("getContacts", rong::getContacts);
        withoutParams.put("setPresenceListener", rong::setPresenceListener);
        withoutParams.forEach((name, method) -> table.put(name, (params, callback) -> method.call(callback)));
        Map<String, WithParams> withParams = new HashMap<>();
        withParams.put("connect", rong::connect);
        withParams.put("sendTextMessage", rong::sendTextMessage);
        withParams.put("sendImageMessage", rong::sendImageMessage);
        withParams.put("sendVoiceMessage", rong::sendVoiceMessage);
        withParams.put("sendLocationMessage", rong::sendLocationMessage);
        withParams.put("sendRichContentMessage", rong::sendRichContentMessage);
        withParams.put("sendCommandNotificationMessage", rong::sendCommandNotificationMessage);
        withParams.put("resendMessage", rong::resendMessage);
        withParams.put("downloadMediaMessage", rong::downloadMediaMessage);
        withParams.put("getConversation", rong::getConversation);
        withParams.put("removeConversation", rong::removeConversation);
        withParams.put("clearConversations", rong::clearConversations);
        withParams.put("setConversationToTop", rong::setConversationToTop);
        withParams.put("getConversationNotificationStatus", rong::getConversationNotificationStatus);
        withParams.put("setConversationNotificationStatus", rong::setConversationNotificationStatus);
        withParams.put("getLatestMessages", rong::getLatestMessages);
        withParams.put("getHistoryMessages", rong::getHistoryMessages);
        withParams.put("getHistoryMessagesByObjectName", rong::getHistoryMessagesByObjectName);
        withParams.put("deleteMessages", rong::deleteMessages);
        withParams.put("clearMessages", rong::clearMessages);
        withParams.put("getUnreadCount", rong::getUnreadCount);
        withParams.put("getUnreadCountByConversationTypes", rong::getUnreadCountByConversationTypes);
        withParams.put("setMessageReceivedStatus", rong::setMessageReceivedStatus);
        withParams.put("clearMessagesUnreadStatus", rong::clearMessagesUnreadStatus);
        withParams.put("setMessageExtra", rong::setMessageExtra);
        withParams.put("getTextMessageDraft", rong::getTextMessageDraft);
        withParams.put("saveTextMessageDraft", rong::saveTextMessageDraft);
        withParams.put("clearTextMessageDraft", rong::clearTextMessageDraft);
        withParams.put("createDiscussion", rong::createDiscussion);
        withParams.put("getDiscussion", rong::getDiscussion);
        withParams.put("setDiscussionName", rong::setDiscussionName);
        withParams.put("addMemberToDiscussion", rong::addMemberToDiscussion);
        withParams.put("removeMemberFromDiscussion", rong::removeMemberFromDiscussion);
        withParams.put("quitDiscussion", rong::quitDiscussion);
        withParams.put("setDiscussionInviteStatus", rong::setDiscussionInviteStatus);
        withParams.put("syncGroup", rong::syncGroup);
        withParams.put("joinGroup", rong::joinGroup);
        withParams.put("quitGroup", rong::quitGroup);
        withParams.put("joinChatRoom", rong::joinChatRoom);
        withParams.put("quitChatRoom", rong::quitChatRoom);
        withParams.put("sendMessage", rong::sendMessage);
        withParams.put("answerPluginQuestion", rong::answerPluginQuestion);
        withParams.put("searchMessages", rong::searchMessages);
        withParams.put("sendTypingStatus", rong::sendTypingStatus);
        withParams.put("sendReadReceiptMessage", rong::sendReadReceiptMessage);
        withParams.put("recallMessage", rong::recallMessage);
        withParams.put("editMessage", rong::editMessage);
        withParams.put("setUserInfo", rong::setUserInfo);
        withParams.put("getUserInfo", rong::getUserInfo);
        withParams.put("addContact", rong::addContact);
        withParams.put("removeContact", rong::removeContact);
        withParams.forEach((name, method) -> table.put(name, (params, callback) -> method.call(object(params), callback)));
        table.put("disconnect", (params, callback) -> rong.disconnect(disconnectParams(params), callback));
        return Map.copyOf(table);
    }

    /** Serves requests from {@code in} until it ends, then disconnects. */
    public void serve(BufferedReader in) throws IOException {
        BoundedLines lines = new BoundedLines(in, MAX_LINE_CHARS);
        while (true) {
            String line;
            try {
                line = lines.next();
            } catch (BoundedLines.TooLong e) {
                reply(JsonNull.INSTANCE, RongException.invalid("the line is " + e.length() + " characters long; at most "
                        + MAX_LINE_CHARS + " are read"));
                continue;
            }
            if (line == null) {
                break;
            }
            if (!line.isBlank()) {
                awaitRoom();
                handle(line);
            }
        }
        drain();
        disconnect();
        out.flush();
    }

    private void handle(String line) {
        JsonObject request;
        try {
            request = parseObject(line);
        } catch (RongException e) {
            reply(JsonNull.INSTANCE, e);
            return;
        }
        JsonElement id = request.has("id") ? request.get("id") : JsonNull.INSTANCE;
        if (!id.isJsonNull() && !id.isJsonPrimitive()) {
            reply(JsonNull.INSTANCE, RongException.invalid("id must be a number or a string, not " + Params.describe(id)));
            return;
        }
        JsonElement name = request.get("method");
        if (name == null || !name.isJsonPrimitive() || !name.getAsJsonPrimitive().isString()) {
            reply(id, RongException.invalid("the request has no \"method\" string"));
            return;
        }
        String methodName = name.getAsString();
        Method method = methods.get(methodName);
        if (method == null) {
            reply(id, RongException.invalid("unknown method '" + methodName + "'"));
            return;
        }
        Callback answer = answer(id, !SpecMethods.LISTENERS.contains(methodName), line.length());
        try {
            method.invoke(request.get("params"), answer);
        } catch (RongException e) {
            reply(id, e);
            answer.call(null, null);
        }
    }

    /**
     * The callback for one request of {@code chars} characters; a request that owes a final
     * answer counts as pending until it comes. Called with a null {@code ret}, it only ends the
     * request (its error was written already).
     */
    private Callback answer(JsonElement id, boolean owesFinalAnswer, long chars) {
        AtomicBoolean finished = new AtomicBoolean(!owesFinalAnswer);
        if (owesFinalAnswer) {
            synchronized (pendingLock) {
                pending++;
                pendingChars += chars;
            }
        }
        return (ret, err) -> {
            if (ret != null) {
                write(id, ret, err);
            }
            String status = ret != null && ret.has("status") ? ret.get("status").getAsString() : "";
            if (!status.equals("prepare") && !status.equals("progress") && finished.compareAndSet(false, true)) {
                finishOne(chars);
            }
        };
    }

    private void finishOne(long chars) {
        synchronized (pendingLock) {
            pending = Math.max(0, pending - 1);
            pendingChars = Math.max(0, pendingChars - chars);
            pendingLock.notifyAll();
        }
    }

    /** Waits until the requests in hand are below {@link #MAX_PENDING_CHARS}. */
    private void awaitRoom() {
        synchronized (pendingLock) {
            while (pendingChars >= MAX_PENDING_CHARS) {
                try {
                    pendingLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void drain() {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        synchronized (pendingLock) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warning(pending + " request(s) still unanswered " + DRAIN_TIMEOUT.toSeconds() + " s after end of input");
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(pendingLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void disconnect() {
        CountDownLatch done = new CountDownLatch(1);
        rong.disconnect(new JsonObject(), (ret, err) -> done.countDown());
        try {
            if (!done.await(DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warning("disconnect at end of input did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reply(JsonElement id, RongException error) {
        JsonObject ret = new JsonObject();
        ret.addProperty("status", "error");
        JsonObject err = new JsonObject();
        err.addProperty("code", error.code());
        err.addProperty("msg", error.getMessage());
        write(id, ret, err);
    }

    private void write(JsonElement id, JsonObject ret, JsonObject err) {
        JsonObject line = new JsonObject();
        line.add("id", id);
        line.add("ret", ret);
        line.add("err", err == null ? JsonNull.INSTANCE : err);
        String text = gson.toJson(line);
        synchronized (out) {
            out.print(text);
            out.print('\n');
            out.flush();
        }
    }

    private static JsonObject parseObject(String line) throws RongException {
        JsonReader reader = new JsonReader(new StringReader(line));
        reader.setStrictness(Strictness.STRICT);
        JsonElement parsed;
        try {
            parsed = JsonParser.parseReader(reader);
        } catch (JsonParseException | IllegalStateException e) {
            throw RongException.invalid("the line is not valid JSON: " + readable(e));
        }
        try {
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw RongException.invalid("the line holds more than one JSON value");
            }
        } catch (IOException | IllegalStateException e) {
            throw RongException.invalid("the line holds more than one JSON value");
        }
        if (!parsed.isJsonObject()) {
            throw RongException.invalid("a request must be a JSON object, not " + Params.describe(parsed));
        }
        return parsed.getAsJsonObject();
    }

    /** Gson's first line, without its advice to programmers. */
    private static String readable(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
        return message.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept ", "");
    }

    private static JsonObject object(JsonElement params) throws RongException {
        if (params == null || params.isJsonNull()) {
            return new JsonObject();
        }
        if (!params.isJsonObject()) {
            throw RongException.invalid("params must be a JSON object, not " + Params.describe(params));
        }
        return params.getAsJsonObject();
    }

    /** The spec's own example calls {@code disconnect(false)}: a bare boolean means isReceivePush. */
    private static JsonObject disconnectParams(JsonElement params) throws RongException {
        if (params != null && params.isJsonPrimitive() && params.getAsJsonPrimitive().isBoolean()) {
            JsonObject object = new JsonObject();
            object.add("isReceivePush", params);
            return object;
        }
        return object(params);
    }
}
