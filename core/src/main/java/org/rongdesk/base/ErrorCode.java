package org.rongdesk.base;

/** The spec's error codes, as {@code err.code} carries them. */
public final class ErrorCode {
    /** Unknown error. */
    public static final int UNKNOWN = -1;
    /** Sending failed. */
    public static final int SEND_FAILED = -2;
    /** The user is blacklisted by the receiver (XEP-0191 block). */
    public static final int IN_BLACKLIST = 405;
    /** The server did not answer a send in time. */
    public static final int TIMEOUT = 3001;
    /** Incomplete data packet. */
    public static final int PACKET_INCOMPLETE = 2002;
    /** The server cannot be reached. */
    public static final int SERVER_UNAVAILABLE = 2003;
    /** The token is wrong, forged, expired or for another App Key. */
    public static final int TOKEN_INCORRECT = 2004;
    /** The server does not serve this App Key. */
    public static final int APP_KEY_REJECTED = 2005;
    /** The server's database failed. */
    public static final int SERVER_DATABASE = 2006;
    /** The server did not answer while connecting. */
    public static final int SERVER_TIMEOUT = 5004;
    /** {@code init} has not succeeded yet. */
    public static final int NOT_INITIALIZED = -10000;
    /** {@code connect} has not been called yet. */
    public static final int NOT_CONNECTED = -10001;
    /** A parameter is missing or wrong; the message names it. */
    public static final int INVALID_PARAMETER = -10002;

    private ErrorCode() {
    }
}
