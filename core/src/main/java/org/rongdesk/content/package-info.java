/**
 * Content types: what a message's {@code content} JSON may hold for each objectName, how a
 * received one is checked and cleaned, whether it is stored and counted as unread, and its plain
 * text summary (the {@code <body>} other XMPP clients show, and what screen readers say).
 */
package org.rongdesk.content;
