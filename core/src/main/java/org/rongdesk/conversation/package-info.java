/**
 * Conversations: their types, keys and list entries (pinned, muted, draft, unread), and the
 * spec's conversation, unread and draft methods.
 */
package org.rongdesk.conversation;
