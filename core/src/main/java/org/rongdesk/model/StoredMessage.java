package org.rongdesk.model;

import com.google.gson.JsonObject;

/**
 * A message as the local store holds it.
 *
 * @param id             the local message id (stable forever)
 * @param conversation   the conversation it belongs to
 * @param direction      sent or received
 * @param senderUserId   who sent it (server-verified for received messages)
 * @param objectName     its content type, e.g. {@code RC:TxtMsg}
 * @param body           its content JSON, in the spec's field names (see {@link #content()})
 * @param sentStatus     SENDING, SENT or FAILED
 * @param receivedStatus the spec's bitmask: 1 read, 2 listened, 4 downloaded
 * @param sentTime       when it was sent, ms since 1970
 * @param receivedTime   when this client received it, ms since 1970 (0 for sent messages)
 * @param extra          the local extra set with setMessageExtra ("" when none)
 * @param uid            what makes it unique across delivery paths (for sent messages, their origin id), or null
 */
public record StoredMessage(long id, ConversationKey conversation, MessageDirection direction, String senderUserId,
        String objectName, MessageContent body, SentStatus sentStatus, int receivedStatus, long sentTime,
        long receivedTime, String extra, String uid) {

    /** A message whose content is already a tree. */
    public StoredMessage(long id, ConversationKey conversation, MessageDirection direction, String senderUserId,
            String objectName, JsonObject content, SentStatus sentStatus, int receivedStatus, long sentTime,
            long receivedTime, String extra, String uid) {
        this(id, conversation, direction, senderUserId, objectName, MessageContent.of(content), sentStatus,
                receivedStatus, sentTime, receivedTime, extra, uid);
    }

    /** Its content JSON, parsed on first use: the same object every time, so copy it before changing it. */
    public JsonObject content() {
        return body.tree();
    }

    /** A copy of {@link #content()} for output, made without parsing twice. */
    public JsonObject contentCopy() {
        return body.copy();
    }
}
