package org.rongdesk.message;

import com.google.gson.JsonObject;

import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.MessageDirection;

/**
 * A message read off the wire, checked and cleaned, not yet stored.
 *
 * @param conversation the conversation it belongs to
 * @param direction    RECEIVE, or SEND for this user's own messages sent from elsewhere
 * @param senderUserId the server-verified sender
 * @param objectName   its content type
 * @param content      its content, in local form (paths empty)
 * @param thumbnail    an inline image thumbnail still to be written to a file, or null
 * @param sentTime     the server's timestamp when it has one, else the time of arrival
 * @param uid          origin-id or stanza-id based identity, or null
 * @param counted      whether it counts as unread
 * @param persisted    whether it is kept in history (a type may be delivered only)
 * @param revision     what earlier message of the same sender it recalls or corrects, or null
 */
record ParsedMessage(ConversationKey conversation, MessageDirection direction, String senderUserId, String objectName,
        JsonObject content, byte[] thumbnail, long sentTime, String uid, boolean counted, boolean persisted,
        Revision revision) {

    /** A message that changes an earlier one instead of being one. */
    record Revision(Kind kind, String originalUid) {
    }

    /** XEP-0424 retraction, XEP-0308 correction. */
    enum Kind { RECALL, CORRECTION }
}
