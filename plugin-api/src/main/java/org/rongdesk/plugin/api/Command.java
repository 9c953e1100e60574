package org.rongdesk.plugin.api;

/**
 * A received command message ({@code RC:CmdNtf}).
 *
 * @param name             the command name
 * @param data             its data, as sent (often JSON; the handler parses and checks it)
 * @param senderUserId     who sent it, as the server vouches (never taken from the data)
 * @param conversationType where it came: PRIVATE, GROUP, DISCUSSION, CHATROOM, …
 * @param targetId         the conversation's target id
 * @param messageId        its local message id
 * @param sentTime         when it was sent, ms since 1970
 */
public record Command(String name, String data, String senderUserId, String conversationType, String targetId,
        long messageId, long sentTime) {
}
