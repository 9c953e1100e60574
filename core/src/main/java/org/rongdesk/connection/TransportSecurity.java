package org.rongdesk.connection;

import java.security.GeneralSecurityException;

import javax.net.ssl.X509TrustManager;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.java7.XmppHostnameVerifier;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.RongException;
import org.rongdesk.config.CertificateTrust;
import org.rongdesk.config.ClientConfig;

/**
 * How one client's XMPP stream is protected: STARTTLS as the config's {@code tls} says; the
 * server's certificate checked against the JDK's trust store plus the config's
 * {@code trustedCertificate}s, and its name against the App Key (the XMPP domain, RFC 6125),
 * whatever address the client connects to. Smack's wire debugger stays off whatever
 * {@code smack.debugEnabled} says: it prints the SASL PLAIN answer, which carries the token.
 */
final class TransportSecurity {
    private final ClientConfig config;
    private X509TrustManager trust;

    TransportSecurity(ClientConfig config) {
        this.config = config;
    }

    /** Sets the security of {@code builder} from the config. */
    void applyTo(XMPPTCPConnectionConfiguration.Builder builder) throws RongException {
        builder.setSecurityMode(securityMode())
                .setDebuggerFactory(null)
                .setHostnameVerifier(new XmppHostnameVerifier());
        if (securityMode() != SecurityMode.disabled) {
            builder.setCustomX509TrustManager(trustManager());
        }
    }

    private SecurityMode securityMode() {
        return switch (config.tls()) {
            case REQUIRED -> SecurityMode.required;
            case OPTIONAL -> SecurityMode.ifpossible;
            case DISABLED -> SecurityMode.disabled;
        };
    }

    /** The JDK's trust anchors, plus the configured certificates when there are any; made once. */
    private synchronized X509TrustManager trustManager() throws RongException {
        if (trust == null) {
            try {
                trust = CertificateTrust.trustManager(config.trustedCertificates());
            } catch (GeneralSecurityException e) {
                throw new RongException(ErrorCode.UNKNOWN, "the JDK cannot set up certificate checks: " + e.getMessage(), e);
            }
        }
        return trust;
    }
}
