package org.rongdesk.message;

import org.rongdesk.base.RongException;
import org.rongdesk.model.StoredMessage;

/**
 * Hears one send through: {@link #prepared} once (the message is stored), {@link #progress}
 * while its file uploads, then {@link #sent} or {@link #failed}. Called on the client's worker
 * threads, in that order.
 */
public interface SendListener {
    void prepared(StoredMessage message);

    void progress(long messageId, int percent);

    void sent(long messageId);

    void failed(long messageId, RongException error);
}
