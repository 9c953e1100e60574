package org.rongdesk.plugin.api;

import com.google.gson.JsonObject;

/**
 * A stored message, as plugins see it.
 *
 * @param messageId        its local id
 * @param conversationType its conversation's type
 * @param targetId         its conversation's target id
 * @param senderUserId     who sent it
 * @param objectName       its content type
 * @param content          its content (a copy)
 * @param sent             true for a message this user sent
 * @param sentTime         when it was sent, ms since 1970
 */
public record PluginMessage(long messageId, String conversationType, String targetId, String senderUserId,
        String objectName, JsonObject content, boolean sent, long sentTime) {
}
