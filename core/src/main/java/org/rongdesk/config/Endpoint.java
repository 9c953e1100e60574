package org.rongdesk.config;

/**
 * One server the client may sign in to: a host name or address and its XMPP client port.
 *
 * @param host a host name, an IPv4 address or an IPv6 address (without brackets)
 * @param port the XMPP client port
 */
public record Endpoint(String host, int port) {
    /** {@code host:port}, an IPv6 address in brackets. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
