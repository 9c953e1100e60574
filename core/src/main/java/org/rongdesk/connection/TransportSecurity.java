package org.rongdesk.connection;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.java7.XmppHostnameVerifier;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.rongdesk.api.ErrorCode;
import org.rongdesk.api.RongException;
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
                X509TrustManager jdk = trustManagerFor(null);
                trust = config.trustedCertificates().isEmpty() ? jdk : trustManagerFor(anchors(jdk, config.trustedCertificates()));
            } catch (GeneralSecurityException | IOException e) {
                throw new RongException(ErrorCode.UNKNOWN, "the JDK cannot set up certificate checks: " + e.getMessage(), e);
            }
        }
        return trust;
    }

    private static KeyStore anchors(X509TrustManager jdk, List<X509Certificate> configured)
            throws GeneralSecurityException, IOException {
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        int n = 0;
        for (X509Certificate certificate : jdk.getAcceptedIssuers()) {
            anchors.setCertificateEntry("jdk-" + n++, certificate);
        }
        for (X509Certificate certificate : configured) {
            anchors.setCertificateEntry("configured-" + n++, certificate);
        }
        return anchors;
    }

    /** The JDK's PKIX trust manager over {@code anchors} (null: the JDK's own trust store). */
    private static X509TrustManager trustManagerFor(KeyStore anchors) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
    }
}
