package org.rongdesk.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rongdesk.base.RongException;

/**
 * Reads the config's {@code trustedCertificate} param: a PEM file of one or more certificates
 * (other PEM blocks, such as the private key of a server's combined file, are skipped and never
 * kept). A relative path is taken from the config file's directory.
 */
final class TrustedCertificates {
    private static final Pattern CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");
    private static final int MAX_BYTES = 1024 * 1024;

    private TrustedCertificates() {
    }

    static List<X509Certificate> read(Path configFile, String value) throws RongException {
        String where = "config " + configFile + ": trustedCertificate ";
        Path pem = Path.of(value.trim());
        if (!pem.isAbsolute()) {
            Path dir = configFile.toAbsolutePath().getParent();
            pem = dir.resolve(pem);
        }
        String text;
        try {
            if (Files.size(pem) > MAX_BYTES) {
                throw RongException.invalid(where + pem + " is larger than 1 MiB: not a certificate file");
            }
            text = Files.readString(pem, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw RongException.invalid(where + pem + " does not exist");
        } catch (IOException e) {
            throw RongException.invalid(where + pem + " cannot be read: " + e.getMessage());
        }
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = CERTIFICATE.matcher(text);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (block.find()) {
                byte[] der = Base64.getMimeDecoder().decode(block.group(1));
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw RongException.invalid(where + pem + " holds a certificate that cannot be read: " + e.getMessage());
        }
        if (certificates.isEmpty()) {
            throw RongException.invalid(where + pem + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return List.copyOf(certificates);
    }
}
