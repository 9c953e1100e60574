package org.rongdesk.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.devserver.AppSecret;

class TokenMinterTest {

    @Test
    void tokenIsAnHs256JwtSignedWithTheAppSecretCarryingTheEscapedJidAndExpiry(@TempDir Path dir) throws Exception {
        AppSecret secret = AppSecret.loadOrCreate(dir.resolve("secret.jwk"));
        Instant expires = Instant.parse("2030-01-02T03:04:05Z");

        String token = TokenMinter.mint(secret, "bob smith@home", "demo.local", expires);

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        JsonObject header = json(parts[0]);
        assertThat(header.get("alg").getAsString()).isEqualTo("HS256");
        JsonObject payload = json(parts[1]);
        assertThat(payload.get("jid").getAsString()).isEqualTo("bob\\20smith\\40home@demo.local");
        assertThat(payload.get("exp").getAsLong()).isEqualTo(expires.getEpochSecond());

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.keyBytes(), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(expected);
    }

    @Test
    void secretIsCreatedOnceAndKeptPrivate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret.jwk");
        AppSecret first = AppSecret.loadOrCreate(file);
        AppSecret again = AppSecret.loadOrCreate(file);

        assertThat(again.keyBytes()).isEqualTo(first.keyBytes());
        assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        assertThat(first.toString()).doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(first.keyBytes()));
    }

    private static JsonObject json(String part) {
        return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)).getAsJsonObject();
    }
}
