package org.rongdesk.config;

import java.util.Locale;
import java.util.Optional;

/** Whether the XMPP stream must, may or must not be encrypted with STARTTLS. */
public enum TlsMode {
    /** Encrypt, and refuse a server that cannot (the default for servers off this machine). */
    REQUIRED,
    /** Encrypt when the server offers it (the default for loopback servers). */
    OPTIONAL,
    /** Never encrypt (only sensible on loopback). */
    DISABLED;

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
