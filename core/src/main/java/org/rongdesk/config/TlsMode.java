package org.rongdesk.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Whether the XMPP stream must, may or must not be encrypted with STARTTLS. */
public enum TlsMode {
    /** Encrypt, and refuse a server that cannot (the default for servers off this machine). */
    REQUIRED,
    /** Encrypt when the server offers it (the default for loopback servers). */
    OPTIONAL,
    /** Never encrypt (only sensible on loopback). */
    DISABLED;

    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    /**
     * The mode when the config says none: {@link #OPTIONAL} for a server on this machine
     * ({@code localhost}, 127.0.0.0/8, {@code ::1}, also IPv4-mapped), {@link #REQUIRED} for any
     * other host. Decided from the text alone, never by a DNS lookup (a name that happens to resolve
     * to loopback still gets REQUIRED: what it resolves to can change).
     */
    public static TlsMode defaultFor(String host) {
        return isLoopback(host) ? OPTIONAL : REQUIRED;
    }

    static boolean isLoopback(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.equalsIgnoreCase("localhost")) {
            return true;
        }
        // only literals reach InetAddress: one with a colon is parsed as IPv6, a strict dotted quad as IPv4;
        // anything else would be looked up in DNS
        if (!name.contains(":") && !DOTTED_QUAD.matcher(name).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // not a valid address literal
        }
    }

    /** The config value ({@code required}, {@code optional}, {@code disabled}). */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<TlsMode> fromConfigValue(String value) {
        for (TlsMode mode : values()) {
            if (mode.configValue().equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
