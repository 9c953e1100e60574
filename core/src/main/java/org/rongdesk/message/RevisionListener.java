package org.rongdesk.message;

import org.rongdesk.model.StoredMessage;

/** Hears stored messages change because their sender recalled or corrected them (on "rongcloud-receive"). */
public interface RevisionListener {
    /** {@code message} is now a recall notification (RC:RcNtf). */
    default void recalled(StoredMessage message) {
    }

    /** {@code message} has its corrected text, marked {@code edited}. */
    default void edited(StoredMessage message) {
    }
}
