package org.rongdesk.connection;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Optional;

import javax.net.ssl.SSLException;

import org.jivesoftware.smack.SmackException;
import org.rongdesk.config.ClientConfig;

/**
 * Says in a user's words why TLS with the server failed, when it did: not offered, not trusted,
 * issued for another name, out of date, or the handshake broke. Smack wraps these several
 * layers deep, so the whole cause chain is read.
 */
final class TlsFailure {
    private TlsFailure() {
    }

    /** Why {@code e} is a TLS failure with the server at {@code server}; empty when it is none. */
    static Optional<String> describe(Throwable e, ClientConfig config, String server) {
        if (e instanceof SmackException.SecurityRequiredByClientException) {
            return Optional.of("TLS is required in the config, and the server at " + server
                    + " does not offer TLS (STARTTLS); not signing in without it");
        }
        if (e instanceof SmackException.SecurityRequiredByServerException) {
            return Optional.of("the server at " + server + " requires TLS, and the config says tls disabled");
        }
        if (e instanceof SmackException.SecurityRequiredException || e instanceof SmackException.SecurityNotPossibleException) {
            return Optional.of("TLS is " + config.tls().configValue() + " in the config, and the server at " + server
                    + " cannot agree: " + e.getMessage());
        }
        String certificate = "the certificate of the server at " + server;
        if (inChain(e, CertificateExpiredException.class) || inChain(e, CertificateNotYetValidException.class)) {
            return Optional.of(certificate + " is out of date (or this computer's clock is wrong)");
        }
        if (inChain(e, CertPathBuilderException.class) || inChain(e, CertPathValidatorException.class)) {
            return Optional.of(certificate + " is not trusted: no certificate authority in the JDK's trust store signed it,"
                    + " and it is not a trustedCertificate of the config");
        }
        Optional<Throwable> rejected = first(e, CertificateException.class);
        if (rejected.isPresent() && String.valueOf(rejected.get().getMessage()).contains("Hostname verification")) {
            return Optional.of(certificate + " is not issued for " + config.appKey()
                    + " (the App Key, which is the server's XMPP domain)");
        }
        Optional<Throwable> broken = first(e, SSLException.class).or(() -> rejected);
        return broken.map(cause -> "TLS with the server at " + server + " failed: " + cause.getMessage());
    }

    private static boolean inChain(Throwable e, Class<? extends Throwable> type) {
        return first(e, type).isPresent();
    }

    private static Optional<Throwable> first(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }
}
