package org.rongdesk.connection;

/**
 * Hears every change of the connection status. Called on the connection thread, in order; it
 * must return quickly and must not call back into the {@link ConnectionManager} synchronously.
 */
@FunctionalInterface
public interface ConnectionStatusListener {
    void statusChanged(ConnectionStatus status);
}
