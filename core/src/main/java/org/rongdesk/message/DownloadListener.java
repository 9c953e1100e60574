package org.rongdesk.message;

import org.rongdesk.base.RongException;
import org.rongdesk.model.StoredMessage;

/** Hears one download through: {@link #progress} as bytes arrive, then {@link #downloaded} or {@link #failed}. */
public interface DownloadListener {
    void progress(long messageId, int percent);

    void downloaded(StoredMessage message);

    void failed(long messageId, RongException error);
}
