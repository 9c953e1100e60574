package org.rongdesk.model;

/** Whether a conversation notifies the user of new messages; the spec's codes. */
public enum NotificationStatus {
    /** Muted. */
    DO_NOT_DISTURB(0),
    /** Notifies (the default). */
    NOTIFY(1);

    private final int code;

    NotificationStatus(int code) {
        this.code = code;
    }

    /** The spec's {@code result.code}: 0 do not disturb, 1 notify. */
    public int code() {
        return code;
    }

    /** The status with spec code {@code code}. */
    public static NotificationStatus fromCode(int code) {
        return code == 0 ? DO_NOT_DISTURB : NOTIFY;
    }
}
