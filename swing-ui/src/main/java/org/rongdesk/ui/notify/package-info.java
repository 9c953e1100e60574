/** New messages: what is announced, desktop notifications and sounds (never for muted conversations), the tray's unread total. */
package org.rongdesk.ui.notify;
