package org.rongdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jxmpp.util.XmppStringUtils;

/**
 * What must never show in a log or a file, for one token: the token, its signature (the part that
 * makes it a credential) and the SASL PLAIN answer that carries it (base64 of
 * {@code \0user\0token}), which a wire log would show.
 */
public final class TokenSecrets {
    private final List<String> secrets = new ArrayList<>();

    /** The secrets of {@code tokens}, each for user {@code userId}. */
    public static TokenSecrets of(String userId, String... tokens) {
        TokenSecrets all = new TokenSecrets();
        String localpart = XmppStringUtils.escapeLocalpart(userId);
        for (String token : tokens) {
            all.secrets.add(token);
            all.secrets.add(token.substring(token.lastIndexOf('.') + 1));
            all.secrets.add(Base64.getEncoder().encodeToString(("\0" + localpart + "\0" + token).getBytes(StandardCharsets.UTF_8)));
        }
        return all;
    }

    /** Fails when {@code text} (described by {@code what}) contains any of the secrets. */
    public void assertAbsentFrom(String what, String text) {
        for (String secret : secrets) {
            assertThat(text.contains(secret)).as("%s contains a token secret (%s…)", what, secret.substring(0, 8)).isFalse();
        }
    }

    /** Fails when {@code bytes} hold any of the secrets in UTF-8 or UTF-16 (either byte order). */
    public void assertAbsentFrom(String what, byte[] bytes) {
        for (String secret : secrets) {
            for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                assertThat(indexOf(bytes, secret.getBytes(charset)))
                        .as("%s holds a token secret (%s…) in %s", what, secret.substring(0, 8), charset).isEqualTo(-1);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
