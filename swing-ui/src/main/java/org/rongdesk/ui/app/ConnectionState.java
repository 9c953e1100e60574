package org.rongdesk.ui.app;

/** The spec's connection status codes, as the UI says them. */
public enum ConnectionState {
    CONNECTED(0, "status.connected"),
    CONNECTING(2, "status.connecting"),
    NETWORK_UNAVAILABLE(1, "status.networkUnavailable"),
    KICKED(6, "status.kicked"),
    WEB_LOGIN(7, "status.webLogin"),
    DISCONNECTED(-9, "status.disconnected"),
    UNKNOWN(-1, "status.unknown");

    private final int code;
    private final String textKey;

    ConnectionState(int code, String textKey) {
        this.code = code;
        this.textKey = textKey;
    }

    /** The state of a status code; {@link #UNKNOWN} for codes the spec does not list. */
    public static ConnectionState of(int code) {
        for (ConnectionState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        return UNKNOWN;
    }

    public int code() {
        return code;
    }

    /** Its words' key in the UI bundle. */
    public String textKey() {
        return textKey;
    }
}
