package org.rongdesk.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenToolTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new TokenTool(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void reset() {
        out.reset();
        err.reset();
    }

    @Test
    void newSecretIsAnOctJwkOnlyItsOwnerCanReadAndIsNeverOverwrittenOrPrinted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("app-secret.jwk");

        assertThat(run("--new-secret", file.toString())).isZero();

        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        JsonObject jwk = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        assertThat(jwk.keySet()).containsExactlyInAnyOrder("kty", "k");
        assertThat(jwk.get("kty").getAsString()).isEqualTo("oct");
        String k = jwk.get("k").getAsString();
        assertThat(k).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(k)).hasSize(32);
        assertThat(out() + err()).doesNotContain(k);

        String before = Files.readString(file, StandardCharsets.UTF_8);
        reset();
        assertThat(run("--new-secret", file.toString())).isEqualTo(TokenTool.USAGE);
        assertThat(err()).contains("--new-secret").contains("exists");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(before);
        assertThat(out() + err()).doesNotContain(k);

        Path other = dir.resolve("other.jwk");
        assertThat(run("--new-secret", other.toString())).isZero();
        assertThat(Files.readString(other, StandardCharsets.UTF_8)).isNotEqualTo(before);
    }

    @Test
    void tokenIsSignedWithTheSecretAndCarriesTheEscapedJidAndExpiry(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("app-secret.jwk");
        assertThat(run("--new-secret", secret.toString())).isZero();
        reset();

        long before = Instant.now().getEpochSecond();
        int code = run("--secret", secret.toString(), "--app-key", "demo.local", "--user", "王 小明@office", "--ttl", "3600");
        long after = Instant.now().getEpochSecond();

        assertThat(code).as(err()).isZero();
        assertThat(err()).isEmpty();
        String[] lines = out().split("\n");
        assertThat(lines).as("only the token is printed").hasSize(1);
        String token = lines[0].strip();
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);

        JsonObject header = json(parts[0]);
        assertThat(header.get("alg").getAsString()).isEqualTo("HS256");
        assertThat(header.get("typ").getAsString()).isEqualTo("JWT");
        JsonObject payload = json(parts[1]);
        assertThat(payload.get("jid").getAsString()).isEqualTo("王\\20小明\\40office@demo.local");
        assertThat(payload.get("iat").getAsLong()).isBetween(before, after);
        assertThat(payload.get("exp").getAsLong()).isBetween(before + 3600, after + 3600);

        // verify independently of the code under test: key straight from the JWK file
        String k = JsonParser.parseString(Files.readString(secret, StandardCharsets.UTF_8)).getAsJsonObject().get("k").getAsString();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(k), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(expected);
        assertThat(parts[2]).doesNotContain("=");
        assertThat(out()).doesNotContain(k);
    }

    @Test
    void defaultLifetimeIsThirtyDays(@TempDir Path dir) {
        Path secret = dir.resolve("s.jwk");
        assertThat(run("--new-secret", secret.toString())).isZero();
        reset();

        long before = Instant.now().getEpochSecond();
        assertThat(run("--user", "alice", "--app-key", "chat.example.com", "--secret", secret.toString())).isZero();

        JsonObject payload = json(out().strip().split("\\.")[1]);
        assertThat(payload.get("jid").getAsString()).isEqualTo("alice@chat.example.com");
        assertThat(payload.get("exp").getAsLong() - before).isBetween(30L * 86400, 30L * 86400 + 5);
    }

    @Test
    void badOrMissingArgumentsAreNamedAndExitWithTwo(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("s.jwk");
        assertThat(run("--new-secret", secret.toString())).isZero();
        String s = secret.toString();

        assertUsage("--secret", "--app-key", "demo.local", "--user", "alice");
        assertUsage("--app-key", "--secret", s, "--user", "alice");
        assertUsage("--user", "--secret", s, "--app-key", "demo.local");
        assertUsage("--ttl", "--secret", s, "--app-key", "demo.local", "--user", "alice", "--ttl", "0");
        assertUsage("--ttl", "--secret", s, "--app-key", "demo.local", "--user", "alice", "--ttl", "ten");
        assertUsage("--ttl", "--secret", s, "--app-key", "demo.local", "--user", "alice", "--ttl");
        assertUsage("--ttl", "--secret", s, "--app-key", "demo.local", "--user", "alice", "--ttl", "99999999999999");
        assertUsage("--user", "--secret", s, "--app-key", "demo.local", "--user", "");
        assertUsage("--user", "--secret", s, "--app-key", "demo.local", "--user", "a", "--user", "b");
        assertUsage("--app-key", "--secret", s, "--app-key", "alice@demo.local", "--user", "alice");
        assertUsage("--app-key", "--secret", s, "--app-key", "demo local", "--user", "alice");
        assertUsage("--secret", "--secret", dir.resolve("missing.jwk").toString(), "--app-key", "demo.local", "--user", "alice");
        assertUsage("--secret", "--secret", dir.toString(), "--app-key", "demo.local", "--user", "alice");
        assertUsage("--verbose", "--verbose", "--secret", s, "--app-key", "demo.local", "--user", "alice");
        assertUsage("--user", "--new-secret", dir.resolve("n.jwk").toString(), "--user", "alice");
        assertUsage("--new-secret", "--new-secret", dir.resolve("no-such-dir").resolve("n.jwk").toString());
        assertUsage("--new-secret", "--new-secret");
        assertThat(dir.resolve("n.jwk")).doesNotExist();
    }

    @Test
    void whatABadSecretFileHoldsIsNeverEchoed(@TempDir Path dir) throws Exception {
        String[] contents = {
            "sup3rSecretValueThatMustNotLeak",               // Gson parses this leniently as a string
            "\"sup3rSecretValueThatMustNotLeak\"",
            "[\"sup3rSecretValueThatMustNotLeak\"]",
            "{\"kty\":\"oct\",\"k\":{\"x\":\"sup3rSecretValueThatMustNotLeak\"}}",
            "{\"kty\":\"oct\",\"k\":\"sup3rSecretValueThatMustNotLeak\"}", // too short
            "{\"kty\":\"RSA\",\"k\":\"sup3rSecretValueThatMustNotLeak\"}",
            "{\"kty\":\"oct\",\"k\":\"sup3r+Secret/ValueThatMustNotLeak\"}",
        };
        int i = 0;
        for (String content : contents) {
            Path file = dir.resolve("bad" + i++ + ".jwk");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            reset();
            assertThat(run("--secret", file.toString(), "--app-key", "demo.local", "--user", "alice"))
                    .as(content).isEqualTo(TokenTool.USAGE);
            assertThat(err()).as(content).contains("--secret").contains("not an App Secret");
            assertThat(out() + err()).as(content).doesNotContain("sup3r").doesNotContain("MustNotLeak");
        }
    }

    @Test
    void aSecretOthersCanReadIsUsedWithAWarning(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("s.jwk");
        assertThat(run("--new-secret", secret.toString())).isZero();
        Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        reset();

        assertThat(run("--secret", secret.toString(), "--app-key", "demo.local", "--user", "alice")).isZero();
        assertThat(err()).contains("warning").contains("readable by others");
        assertThat(out().strip().split("\\.")).hasSize(3);
    }

    @Test
    void helpGoesToStdoutAndSucceeds() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("--secret FILE --app-key KEY --user USER").contains("--new-secret FILE");
        assertThat(err()).isEmpty();
    }

    private void assertUsage(String named, String... args) {
        reset();
        assertThat(run(args)).as(String.join(" ", args)).isEqualTo(TokenTool.USAGE);
        assertThat(out()).as(String.join(" ", args)).isEmpty();
        String[] lines = err().split("\n");
        assertThat(lines[0]).as(String.join(" ", args)).startsWith("error: ").contains(named);
        assertThat(err()).contains("usage:");
    }

    private static JsonObject json(String part) {
        return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)).getAsJsonObject();
    }
}
