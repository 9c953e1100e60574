package org.rongdesk.config;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What {@code init} reads from {@code config.xml}.
 *
 * @param appKey        the App Key, which is the XMPP domain
 * @param servers       the servers to sign in to, tried in this order (one, or a cluster's nodes); never empty
 * @param tls           whether the stream is encrypted
 * @param uploadService the JID of the XEP-0363 upload service
 * @param timeout       how long to wait for the server before answering 5004 (connect) or 3001 (send)
 * @param fileBase      the directory {@code fs://} paths resolve against;
 *                      null: {@code <data dir>/fs}
 * @param customerService user ids whose private conversations are CUSTOMER_SERVICE ones
 * @param trustedCertificates certificates trusted beside the JDK's trust store (a self-signed
 *                      development certificate, a company CA); the server's name is checked all the same
 * @param roomCheck     how long a room may stay silent before the client asks it whether the user is
 *                      still in it (a room lost with its cluster node says nothing)
 */
public record ClientConfig(String appKey, List<Endpoint> servers, TlsMode tls, String uploadService, Duration timeout,
        Path fileBase, Set<String> customerService, List<X509Certificate> trustedCertificates, Duration roomCheck) {

    public ClientConfig {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("a config names at least one server");
        }
    }

    /** A config of one server that trusts only the JDK's trust store. */
    public ClientConfig(String appKey, String host, int port, TlsMode tls, String uploadService, Duration timeout,
            Path fileBase, Set<String> customerService) {
        this(appKey, List.of(new Endpoint(host, port)), tls, uploadService, timeout, fileBase, customerService, List.of(),
                DEFAULT_ROOM_CHECK);
    }

    /** The default XMPP client port. */
    public static final int DEFAULT_PORT = 5222;
    /** The default wait for a server reply. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The default silence after which a room is asked whether the user is still in it. */
    public static final Duration DEFAULT_ROOM_CHECK = Duration.ofMinutes(2);
}
