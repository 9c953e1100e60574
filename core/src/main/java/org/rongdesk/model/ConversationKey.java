package org.rongdesk.model;

/**
 * Which conversation: its type and target id (a user id, discussion id, group id or chat room id).
 *
 * @param type     the conversation type
 * @param targetId the other side's id
 */
public record ConversationKey(ConversationType type, String targetId) {
    @Override
    public String toString() {
        return type + ":" + targetId;
    }
}
