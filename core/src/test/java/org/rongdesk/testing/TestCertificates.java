package org.rongdesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/** Self-signed server certificates made at test time with the JDK's keytool (no openssl needed). */
public final class TestCertificates {
    /** The password of every key store made here. */
    public static final char[] PASSWORD = "test-only".toCharArray();

    private TestCertificates() {
    }

    /**
     * A certificate for {@code dnsName}.
     *
     * @param certificate the certificate alone (what a client trusts)
     * @param serverPem   the certificate and its private key in one PEM file (what ejabberd serves)
     * @param keyStore    both in a PKCS12 key store (alias {@code server}, password {@link #PASSWORD}), for JDK servers
     */
    public record Made(Path certificate, Path serverPem, Path keyStore) {
        /** The certificate, read. */
        public X509Certificate read() throws IOException {
            try (InputStream in = Files.newInputStream(certificate)) {
                return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            } catch (CertificateException e) {
                throw new IOException(e);
            }
        }
    }

    /** Makes a self-signed RSA certificate for {@code dnsName} (subject and subjectAltName) in {@code dir}. */
    public static Made selfSigned(Path dir, String dnsName) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path store = dir.resolve(dnsName + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                "-dname", "CN=" + dnsName, "-ext", "SAN=dns:" + dnsName, "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD);
            String certificate = pem("CERTIFICATE", keys.getCertificate("server").getEncoded());
            Key key = keys.getKey("server", PASSWORD);
            Path certificateFile = Files.writeString(dir.resolve(dnsName + ".crt"), certificate);
            Path serverFile = Files.writeString(dir.resolve(dnsName + ".pem"), certificate + pem("PRIVATE KEY", key.getEncoded()));
            return new Made(certificateFile, serverFile, store);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read what keytool made: " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
