/** Discussions (create, rename, members, invitations, quit), groups (join, quit, sync) and chat rooms (join with history, quit). */
package org.rongdesk.ui.rooms;
