package org.rongdesk.message;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.NamedThreads;
import org.rongdesk.base.RongException;
import org.rongdesk.media.HttpTransfers;
import org.rongdesk.media.LocalFiles;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.store.LocalStore;

/**
 * Fetches the file of a received image, voice or location message on demand into the user's
 * media directory; the content then holds its local path and receivedStatus gains 4
 * (downloaded). Runs on two "rongcloud-download" threads.
 */
public final class MediaDownloads implements AutoCloseable {
    /** The download bit of receivedStatus. */
    static final int DOWNLOADED = 4;
    private final LocalStore store;
    private final MediaDir media;
    private final HttpTransfers http;
    private final ExecutorService threads = NamedThreads.pool("rongcloud-download", 2);

    MediaDownloads(LocalStore store, MediaDir media, HttpTransfers http) {
        this.store = store;
        this.media = media;
        this.http = http;
    }

    /** Starts downloading message {@code messageId}'s file; -10002 at once when it has none. */
    void download(long messageId, DownloadListener listener) throws RongException {
        StoredMessage message = store.message(messageId)
                .orElseThrow(() -> RongException.invalid("messageId: there is no message " + messageId));
        String pathField = WireContent.downloadField(message.objectName());
        String urlField = WireContent.urlField(message.objectName());
        JsonObject content = message.content();
        String url = pathField != null && content.has(urlField) ? content.get(urlField).getAsString() : "";
        if (url.isEmpty()) {
            throw RongException.invalid("messageId: message " + messageId + " (" + message.objectName()
                    + ") has no file to download");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw RongException.invalid("messageId: message " + messageId + " has a bad file URL");
        }
        threads.execute(() -> {
            try {
                Path target = media.newFile("download", extension(uri.getPath()));
                AtomicInteger last = new AtomicInteger(-1);
                http.download(uri, target, LocalFiles.MAX_BYTES, (bytes, total) -> {
                    int percent = (int) (bytes * 100 / Math.max(1, total));
                    if (last.getAndSet(percent) != percent) {
                        listener.progress(messageId, percent);
                    }
                });
                JsonObject updated = content.deepCopy();
                updated.addProperty(pathField, target.toString());
                store.setContent(messageId, updated);
                int status = store.message(messageId).map(StoredMessage::receivedStatus).orElse(0);
                store.setReceivedStatus(messageId, status | DOWNLOADED);
                listener.downloaded(store.message(messageId).orElseThrow());
            } catch (IOException | RuntimeException e) {
                listener.failed(messageId, new RongException(ErrorCode.SEND_FAILED, "downloading the file failed: "
                        + e.getMessage(), e));
            }
        });
    }

    /** Stops taking downloads; one under way finishes on its own (no interrupt: see {@link OutgoingMessages#close}). */
    @Override
    public void close() {
        threads.shutdown();
    }

    private static String extension(String path) {
        int dot = path == null ? -1 : path.lastIndexOf('.');
        return dot > 0 && path.length() - dot <= 6 ? path.substring(dot + 1) : "";
    }
}
