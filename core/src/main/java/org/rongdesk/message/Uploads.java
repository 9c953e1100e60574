package org.rongdesk.message;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.httpfileupload.HttpFileUploadManager;
import org.jivesoftware.smackx.httpfileupload.element.Slot;
import org.jxmpp.jid.impl.JidCreate;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.NamedThreads;
import org.rongdesk.base.RongException;
import org.rongdesk.config.ClientConfig;
import org.rongdesk.content.BuiltInTypes;
import org.rongdesk.media.HttpTransfers;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.store.LocalStore;

/**
 * Uploads a message's files before it is sent (XEP-0363 HTTP File Upload: a slot from the
 * upload service, then a PUT), reporting progress over all of its files, and stores the URLs in
 * its content. Two "rongcloud-upload" threads.
 */
final class Uploads implements AutoCloseable {
    private final ExecutorService threads = NamedThreads.pool("rongcloud-upload", 2);
    private final LocalStore store;
    private final ClientConfig config;
    private final HttpTransfers http;
    private final ConnectionWait connection;

    Uploads(LocalStore store, ClientConfig config, HttpTransfers http, ConnectionWait connection) {
        this.store = store;
        this.config = config;
        this.http = http;
        this.connection = connection;
    }

    /** Uploads {@code uploads} of {@code message}, then runs {@code then}; or tells {@code failed} why not. */
    void upload(StoredMessage message, List<SendRequest.Upload> uploads, SendListener listener, Runnable then,
            Consumer<RongException> failed) {
        threads.execute(() -> {
            try {
                JsonObject content = message.contentCopy();
                AtomicInteger lastPercent = new AtomicInteger(-1);
                long total = 0;
                for (SendRequest.Upload upload : uploads) {
                    total += Files.size(upload.file());
                }
                long[] before = {0};
                for (SendRequest.Upload upload : uploads) {
                    long allBytes = total;
                    String url = upload(upload, (bytes, size) -> {
                        int percent = (int) Math.min(100, (before[0] + bytes) * 100 / Math.max(1, allBytes));
                        if (lastPercent.getAndSet(percent) != percent) {
                            listener.progress(message.id(), percent);
                        }
                    });
                    before[0] += Files.size(upload.file());
                    content.addProperty(upload.urlField(), url);
                }
                store.setContent(message.id(), content);
                then.run();
            } catch (RongException e) {
                failed.accept(e);
            } catch (IOException | RuntimeException e) {
                failed.accept(new RongException(ErrorCode.SEND_FAILED, "uploading the file failed: " + e.getMessage(), e));
            }
        });
    }

    /** What a FAILED message still has to upload before it is sent again: its file, if it has no URL yet. */
    static List<SendRequest.Upload> stillNeeded(StoredMessage message) {
        String pathField = WireContent.downloadField(message.objectName());
        if (pathField == null) {
            return List.of();
        }
        String urlField = WireContent.urlField(message.objectName());
        JsonObject content = message.content();
        String url = content.has(urlField) ? content.get(urlField).getAsString() : "";
        String path = content.has(pathField) ? content.get(pathField).getAsString() : "";
        if (!url.isEmpty() || path.isEmpty()) {
            return List.of();
        }
        String type = message.objectName().equals(BuiltInTypes.VOICE) ? "audio/wav" : "image/" + extension(path);
        return List.of(new SendRequest.Upload(urlField, Path.of(path), type));
    }

    /** Stops taking uploads; those under way finish or fail on their own. */
    @Override
    public void close() {
        threads.shutdown();
    }

    private String upload(SendRequest.Upload upload, HttpTransfers.Progress progress) throws RongException, IOException {
        XMPPTCPConnection current = connection.signedIn();
        Slot slot;
        try {
            slot = HttpFileUploadManager.getInstanceFor(current).requestSlot(upload.file().getFileName().toString(),
                    Files.size(upload.file()), upload.contentType(), JidCreate.domainBareFrom(config.uploadService()));
        } catch (SmackException.NoResponseException e) {
            throw new RongException(ErrorCode.TIMEOUT, "the upload service did not answer within "
                    + config.timeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RongException(ErrorCode.SEND_FAILED, "interrupted", e);
        } catch (Exception e) {
            throw new RongException(ErrorCode.SEND_FAILED, "the upload service " + config.uploadService()
                    + " refused the file: " + e.getMessage(), e);
        }
        try {
            http.upload(slot.getPutUrl().toURI(), slot.getHeaders(), upload.file(), upload.contentType(), progress);
            return slot.getGetUrl().toString();
        } catch (URISyntaxException e) {
            throw new RongException(ErrorCode.SEND_FAILED, "the upload service gave a bad URL: " + e.getMessage(), e);
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot > 0 ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "jpeg";
        return ext.equals("jpg") ? "jpeg" : ext;
    }
}
