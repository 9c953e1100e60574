/** The history: messages one per row, read one at a time, older pages at the top, and what can be done to a message. */
package org.rongdesk.ui.history;
