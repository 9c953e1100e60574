package org.rongdesk.config;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates a client trusts, for XMPP and HTTPS alike: the JDK's trust store, plus the
 * config's {@code trustedCertificate}s as further trust anchors. Checking stays the JDK's PKIX;
 * nothing here trusts a certificate without a chain to an anchor.
 */
public final class CertificateTrust {
    private CertificateTrust() {
    }

    /** The JDK's trust manager, over its own anchors plus {@code extra}. */
    public static X509TrustManager trustManager(List<X509Certificate> extra) throws GeneralSecurityException {
        X509TrustManager jdk = trustManagerFor(null);
        if (extra.isEmpty()) {
            return jdk;
        }
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            anchors.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot make an empty key store", e);
        }
        int n = 0;
        for (X509Certificate certificate : jdk.getAcceptedIssuers()) {
            anchors.setCertificateEntry("jdk-" + n++, certificate);
        }
        for (X509Certificate certificate : extra) {
            anchors.setCertificateEntry("configured-" + n++, certificate);
        }
        return trustManagerFor(anchors);
    }

    /** A TLS context that trusts as {@link #trustManager} does. */
    public static SSLContext sslContext(List<X509Certificate> extra) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustManager(extra)}, null);
        return context;
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
