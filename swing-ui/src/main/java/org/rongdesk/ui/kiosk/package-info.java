/** Kiosk mode: one chat room, full screen, large text, nothing else reachable, reconnecting by itself. */
package org.rongdesk.ui.kiosk;
