/**
 * The spec's own command example: {@code AddFriend} with data {@code {"inviteUserId": ...}}
 * becomes a friend request the user accepts or declines; the answer goes back to the sender as
 * {@code AddFriend.accepted} or {@code AddFriend.declined}, which their client announces. An
 * accepted request makes each the other's contact, seeing each other's presence (the XMPP
 * subscription both ways).
 */
package org.rongdesk.plugins.friend;
