package org.rongdesk.ui.app;

import com.google.gson.JsonObject;

/**
 * What the client tells the windows, always on the EDT. Every method has an empty default so a
 * window listens only to what it shows.
 */
public interface ClientEvents {
    /** The connection changed. */
    default void connectionChanged(ConnectionState state) {
    }

    /** A message arrived (stored); {@code left} counts down a catch-up batch. */
    default void received(MessageItem message, int left) {
    }

    /** This window or another removed, cleared, pinned or muted conversations, or joined or left rooms: lists should be read again. */
    default void conversationsChanged() {
    }

    /** One conversation changed (a message sent, read, deleted, recalled or corrected; a draft): its row should be read again. */
    default void conversationChanged(String type, String targetId) {
    }

    /** A message this user sends changed: prepared (new), then SENT or FAILED. */
    default void outgoing(MessageItem message) {
    }

    /** An upload of message {@code messageId} reached {@code percent}. */
    default void sendProgress(long messageId, int percent) {
    }

    /** The peer {@code userId} of a private conversation started ({@code typing}) or stopped typing. */
    default void typing(String type, String targetId, String userId, boolean typing) {
    }

    /** The peer of {@code targetId} read it: this user's messages sent there up to {@code lastMessageSendTime} are READ now. */
    default void readByPeer(String type, String targetId, long lastMessageSendTime) {
    }

    /** {@code senderUserId} recalled message {@code messageId}: its stored copy is a recall notice now. */
    default void recalled(long messageId, String type, String targetId, String senderUserId) {
    }

    /** A peer corrected a message: {@code message} as it is now (same id, new text, edited). */
    default void edited(MessageItem message) {
    }

    /**
     * What {@code userId} calls themselves changed or was first read: their {@code name} (their
     * id when they chose none) and {@code portraitUri} (a {@code file:} URI of their picture kept
     * here, or "").
     */
    default void userInfoChanged(String userId, String name, String portraitUri) {
    }

    /** A contact's {@code presence} changed: online, away or offline. */
    default void presenceChanged(String userId, String presence) {
    }

    /** A plugin event ({@code type}: announce, question, control, status). */
    default void pluginEvent(JsonObject event) {
    }
}
