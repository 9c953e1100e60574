/**
 * The signed-in user: the composition root that opens their store and wires conversations,
 * history and messaging to it and to the connection.
 */
package org.rongdesk.session;
