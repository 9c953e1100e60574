/** The conversation list: rows that read as one line, pin, mute, remove, clear, and the quick switcher. */
package org.rongdesk.ui.conversation;
