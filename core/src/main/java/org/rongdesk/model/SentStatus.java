package org.rongdesk.model;

/**
 * The spec's send states, and {@link #READ}: a sent message its addressee has seen (Rong Desk's,
 * from read receipts; RongCloud's IMLib has it too). Received messages are {@link #SENT}. Codes
 * as stored (RongCloud's).
 */
public enum SentStatus {
    SENDING(10), FAILED(20), SENT(30), READ(50);

    /** {@code values()} copies its array each call; the store maps a code for every row it reads. */
    private static final SentStatus[] VALUES = values();
    private final int code;

    SentStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static SentStatus fromCode(int code) {
        for (SentStatus status : VALUES) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("no send status has code " + code);
    }
}
