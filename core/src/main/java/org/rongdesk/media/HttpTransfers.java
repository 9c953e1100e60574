package org.rongdesk.media;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.rongdesk.base.PrivateFiles;
import org.rongdesk.config.CertificateTrust;
import org.rongdesk.config.ClientConfig;
import org.rongdesk.config.TlsMode;

/**
 * Moves files over HTTP with byte-level progress: the PUT of an XEP-0363 upload slot and the
 * GET of a received file. Calls block until done; progress is reported on the calling thread
 * (upload: the HTTP client's thread) as bytes move.
 */
public final class HttpTransfers {
    /** Hears how far a transfer is. */
    @FunctionalInterface
    public interface Progress {
        void moved(long bytes, long total);
    }

    private final HttpClient http;
    private final Duration timeout;
    private final boolean encryptedOnly;

    /**
     * Transfers for a client with {@code config}: they give up after its timeout; over HTTPS they
     * trust the JDK's trust store plus its trustedCertificate, checking the host name as always;
     * when its {@code tls} is required, plain HTTP is refused for any host but this machine (a
     * file must not travel in the clear when the chat may not).
     */
    public HttpTransfers(ClientConfig config) {
        this.timeout = config.timeout();
        this.encryptedOnly = config.tls() == TlsMode.REQUIRED;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
        if (!config.trustedCertificates().isEmpty()) {
            try {
                builder.sslContext(CertificateTrust.sslContext(config.trustedCertificates()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK cannot set up certificate checks: " + e.getMessage(), e);
            }
        }
        this.http = builder.build();
    }

    /** PUTs {@code file} to {@code putUrl} with the slot's headers. */
    public void upload(URI putUrl, Map<String, String> headers, Path file, String contentType, Progress progress)
            throws IOException {
        checkEncrypted(putUrl);
        long total = Files.size(file);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return new Counting(Files.newInputStream(file), total, progress);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }), total);
        HttpRequest.Builder request = HttpRequest.newBuilder(putUrl).timeout(timeout.multipliedBy(6))
                .header("Content-Type", contentType).PUT(body);
        headers.forEach((name, value) -> {
            if (!isRestricted(name)) {
                request.header(name, value);
            }
        });
        HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the upload server answered HTTP " + response.statusCode());
        }
    }

    /** GETs {@code url} into {@code target} (replaced only when complete); at most {@code maxBytes}. */
    public void download(URI url, Path target, long maxBytes, Progress progress) throws IOException {
        checkEncrypted(url);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("the file server answered HTTP " + response.statusCode());
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (total > maxBytes) {
                throw new IOException("the file is larger than " + maxBytes + " bytes");
            }
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.deleteIfExists(partial);
            PrivateFiles.newFile(partial); // a received file is the user's business only
            try (OutputStream out = Files.newOutputStream(partial)) {
                byte[] buffer = new byte[16 * 1024];
                long done = 0;
                int read;
                while ((read = in.read(buffer)) != -1) {
                    done += read;
                    if (done > maxBytes) {
                        throw new IOException("the file is larger than " + maxBytes + " bytes");
                    }
                    out.write(buffer, 0, read);
                    progress.moved(done, total > 0 ? total : done);
                }
            } catch (IOException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private void checkEncrypted(URI url) throws IOException {
        String host = url.getHost() == null ? "" : url.getHost();
        if (encryptedOnly && !"https".equalsIgnoreCase(url.getScheme()) && TlsMode.defaultFor(host) == TlsMode.REQUIRED) {
            throw new IOException("TLS is required in the config, and " + url.getScheme() + "://" + host
                    + " is not HTTPS: the file does not go over the network unencrypted");
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static boolean isRestricted(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return name.equals("content-length") || name.equals("host") || name.equals("connection");
    }

    /** Counts the bytes the HTTP client reads from a file. */
    private static final class Counting extends FilterInputStream {
        private final long total;
        private final Progress progress;
        private long done;

        Counting(InputStream in, long total, Progress progress) {
            super(in);
            this.total = total;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                advance(read);
            }
            return read;
        }

        private void advance(int bytes) {
            done += bytes;
            progress.moved(done, total);
        }
    }
}
