/**
 * Connecting: the token, the XMPP connection's lifecycle (connect, reconnect, disconnect,
 * automatic reconnection with backoff) and the spec's connection status codes.
 */
package org.rongdesk.connection;
