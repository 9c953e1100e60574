package org.rongdesk.message;

import org.rongdesk.api.RongException;

/** Hears one download through: {@link #progress} as bytes arrive, then {@link #downloaded} or {@link #failed}. */
public interface DownloadListener {
    void progress(long messageId, int percent);

    void downloaded(StoredMessage message);

    void failed(long messageId, RongException error);
}
