package org.rongdesk.connection;

/** The spec's connection status codes, as {@code setConnectionStatusListener} reports them. */
public enum ConnectionStatus {
    /** Disconnected, by {@code disconnect} or after a failure that retrying cannot fix. */
    DISCONNECTED(-9),
    /** An error the client cannot name. */
    UNKNOWN(-1),
    /** Connected and signed in. */
    CONNECTED(0),
    /** This machine has no route to the server; retrying. */
    NETWORK_UNAVAILABLE(1),
    /** Connecting, or waiting to retry after the connection dropped. */
    CONNECTING(2),
    /** The same user signed in elsewhere; this client stays offline until told to connect. */
    KICKED_OFFLINE_BY_OTHER_CLIENT(6),
    /** The same user signed in on the web (not reported by XMPP servers). */
    LOGIN_ON_WEB(7);

    private final int code;

    ConnectionStatus(int code) {
        this.code = code;
    }

    /** The spec's numeric code. */
    public int code() {
        return code;
    }
}
