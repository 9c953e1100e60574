package org.rongdesk.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * What {@code init} reads from {@code config.xml}.
 *
 * @param appKey        the App Key, which is the XMPP domain
 * @param host          the server's host name or address
 * @param port          the server's XMPP client port
 * @param tls           whether the stream is encrypted
 * @param uploadService the JID of the XEP-0363 upload service
 * @param timeout       how long to wait for the server before answering 5004 (connect) or 3001 (send)
 * @param fileBase      the directory {@code fs://} paths resolve against and files to send must lie in;
 *                      null: {@code <data dir>/fs}
 * @param customerService user ids whose private conversations are CUSTOMER_SERVICE ones
 */
public record ClientConfig(String appKey, String host, int port, TlsMode tls, String uploadService, Duration timeout,
        Path fileBase, Set<String> customerService) {

    /** The default XMPP client port. */
    public static final int DEFAULT_PORT = 5222;
    /** The default wait for a server reply. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
}
