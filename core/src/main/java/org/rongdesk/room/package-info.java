/**
 * Discussions, groups and chat rooms on XEP-0045 multi-user chat: joining and leaving rooms, the
 * user's list of rooms (kept on the server as XEP-0048 bookmarks), and the spec's twelve room
 * methods.
 */
package org.rongdesk.room;
