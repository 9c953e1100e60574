package org.rongdesk.model;

/** Whether this client sent or received a message; codes as stored. */
public enum MessageDirection {
    SEND(1), RECEIVE(2);

    private final int code;

    MessageDirection(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static MessageDirection fromCode(int code) {
        return code == SEND.code ? SEND : RECEIVE;
    }
}
