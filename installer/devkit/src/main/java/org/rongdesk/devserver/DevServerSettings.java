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
 * client-to-server XMPP and HTTP (admin API and file upload).
 *
 * @param appKey   the App Key, which is also the XMPP domain
 * @param c2sPort  the XMPP client port on 127.0.0.1
 * @param httpPort the HTTP port on 127.0.0.1 (admin API under /api, uploads under /upload)
 */
public record DevServerSettings(String appKey, int c2sPort, int httpPort) {

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
        return new DevServerSettings(key, c2sPort, httpPort);
    }

    public DevServerSettings withC2sPort(int port) {
        return new DevServerSettings(appKey, port, httpPort);
    }

    public DevServerSettings withHttpPort(int port) {
        return new DevServerSettings(appKey, c2sPort, port);
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
            return new DevServerSettings(p.getProperty("appKey"),
                    Integer.parseInt(p.getProperty("c2sPort", "")),
                    Integer.parseInt(p.getProperty("httpPort", "")));
        } catch (IllegalArgumentException e) {
            throw new IOException("dev server settings " + file + " are damaged: " + e.getMessage(), e);
        }
    }

    void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("appKey", appKey);
        p.setProperty("c2sPort", Integer.toString(c2sPort));
        p.setProperty("httpPort", Integer.toString(httpPort));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "Rong Desk dev server");
        }
    }

    private static void checkPort(String what, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " must be between 1 and 65535, not " + port);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
