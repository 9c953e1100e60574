package org.rongdesk.base;

/** A failure with one of the spec's {@link ErrorCode error codes} and a message for people. */
public class RongException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int code;

    public RongException(int code, String message) {
        super(message);
        this.code = code;
    }

    public RongException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The spec's error code. */
    public int code() {
        return code;
    }

    /** A -10002 failure naming what is wrong with which parameter. */
    public static RongException invalid(String message) {
        return new RongException(ErrorCode.INVALID_PARAMETER, message);
    }
}
