/**
 * The Rong Desk desktop client: keyboard-first, complete for screen-reader users, with a kiosk
 * mode. It talks to the rest of the client only through the core {@code RongCloud} facade, whose
 * callbacks it moves onto the EDT; nothing here touches the network or the store on the EDT.
 */
package org.rongdesk.ui;
