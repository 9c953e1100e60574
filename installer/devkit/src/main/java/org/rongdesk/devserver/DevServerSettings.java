package org.rongdesk.devserver;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What a dev server serves and where: its App Key (the XMPP host) and its two loopback ports,
 * client-to-server XMPP and HTTP (admin API and file upload), and whether its XMPP port speaks
 * TLS.
 *
 * @param appKey   the App Key, which is also the XMPP domain
 * @param c2sPort  the XMPP client port on 127.0.0.1
 * @param httpPort the HTTP port on 127.0.0.1 (admin API under /api, uploads under /upload)
 * @param tlsCertificate null (the default: plain XMPP on loopback), or a PEM file holding a
 *                 certificate and its private key: the XMPP port then offers STARTTLS with it
 *                 (without requiring it, so tests see whether a client falls back to plain XMPP)
 * @param cluster  null (the default: a server of its own, on SQLite), or the cluster it is a node of
 */
public record DevServerSettings(String appKey, int c2sPort, int httpPort, Path tlsCertificate, ClusterNode cluster) {

    /** The App Key of the dev server. */
    public static final String DEFAULT_APP_KEY = "demo.local";
    /** Default XMPP port: not 5222, so it never clashes with a system XMPP server. */
    public static final int DEFAULT_C2S_PORT = 15222;
    /** Default HTTP port: not 5280/5443, for the same reason. */
    public static final int DEFAULT_HTTP_PORT = 15280;

    public DevServerSettings {
        if (appKey == null || !appKey.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
            throw new IllegalArgumentException("App Key must be a lower-case domain name like demo.local, not " + appKey);
        }
        checkPort("XMPP port", c2sPort);
        checkPort("HTTP port", httpPort);
        if (c2sPort == httpPort) {
            throw new IllegalArgumentException("XMPP and HTTP ports must differ, both are " + c2sPort);
        }
        if (tlsCertificate != null) {
            tlsCertificate = tlsCertificate.toAbsolutePath().normalize();
            if (tlsCertificate.toString().contains("\"") || tlsCertificate.toString().contains("\\")) {
                throw new IllegalArgumentException("the TLS certificate path must not contain quotes or backslashes: "
                        + tlsCertificate);
            }
        }
    }

    /** Settings without TLS. */
    public DevServerSettings(String appKey, int c2sPort, int httpPort) {
        this(appKey, c2sPort, httpPort, null, null);
    }

    /** The defaults: {@value #DEFAULT_APP_KEY} on ports {@value #DEFAULT_C2S_PORT} and {@value #DEFAULT_HTTP_PORT}. */
    public static DevServerSettings defaults() {
        return new DevServerSettings(DEFAULT_APP_KEY, DEFAULT_C2S_PORT, DEFAULT_HTTP_PORT);
    }

    /** Settings on two ports that are free on loopback right now (for tests that run their own server). */
    public static DevServerSettings withFreePorts(String appKey) {
        return new DevServerSettings(appKey, freeLoopbackPort(), freeLoopbackPort());
    }

    public DevServerSettings withAppKey(String key) {
        return new DevServerSettings(key, c2sPort, httpPort, tlsCertificate, cluster);
    }

    public DevServerSettings withC2sPort(int port) {
        return new DevServerSettings(appKey, port, httpPort, tlsCertificate, cluster);
    }

    public DevServerSettings withHttpPort(int port) {
        return new DevServerSettings(appKey, c2sPort, port, tlsCertificate, cluster);
    }

    /** The same, with the XMPP port offering STARTTLS with {@code pem} (certificate and private key). */
    public DevServerSettings withTlsCertificate(Path pem) {
        return new DevServerSettings(appKey, c2sPort, httpPort, pem, cluster);
    }

    /** The same, as a node of a cluster. */
    public DevServerSettings withCluster(ClusterNode node) {
        return new DevServerSettings(appKey, c2sPort, httpPort, tlsCertificate, node);
    }

    /** The upload service JID ejabberd's mod_http_upload answers on. */
    public String uploadService() {
        return "upload." + appKey;
    }

    static DevServerSettings load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        try {
            String certificate = p.getProperty("tlsCertificate");
            return new DevServerSettings(p.getProperty("appKey"),
                    Integer.parseInt(p.getProperty("c2sPort", "")),
                    Integer.parseInt(p.getProperty("httpPort", "")),
                    certificate == null ? null : Path.of(certificate), ClusterNode.load(p));
        } catch (IllegalArgumentException e) {
            throw new IOException("dev server settings " + file + " are damaged: " + e.getMessage(), e);
        }
    }

    void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("appKey", appKey);
        p.setProperty("c2sPort", Integer.toString(c2sPort));
        p.setProperty("httpPort", Integer.toString(httpPort));
        if (tlsCertificate != null) {
            p.setProperty("tlsCertificate", tlsCertificate.toString());
        }
        if (cluster != null) {
            cluster.save(p);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "Rong Desk dev server");
        }
    }

    private static void checkPort(String what, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " must be between 1 and 65535, not " + port);
        }
    }

    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
