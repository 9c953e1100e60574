package org.rongdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.RongException;
import org.rongdesk.devserver.AppSecret;
import org.rongdesk.token.TokenMinter;

class TokenTest {

    @Test
    void readsTheUserIdBackFromTheEscapedJid(@TempDir Path dir) throws Exception {
        Instant expires = Instant.parse("2031-05-06T07:08:09Z");
        String jwt = TokenMinter.mint(AppSecret.loadOrCreate(dir.resolve("k.jwk")), "李 雷@home", "demo.local", expires);

        Token token = Token.parse(jwt, "demo.local");

        assertThat(token.userId()).isEqualTo("李 雷@home");
        assertThat(token.localpart()).isEqualTo("李\\20雷\\40home");
        assertThat(token.expires()).contains(expires);
        assertThat(token.toString()).doesNotContain(jwt).doesNotContain(jwt.split("\\.")[2]);
    }

    @Test
    void unreadableTokensAre2004(@TempDir Path dir) throws Exception {
        assertIncorrect("ThptTWyiPPPvZHvuSiuri82yq+hfEluLjZ78E1qo4hEVSFQNpqdoPu406urMWKN4Z3/olWR+v9JVLAwfOQoLrA==", "not a JWT");
        assertIncorrect("a.b.c", "not base64url-encoded JSON");
        assertIncorrect("a." + b64("[1]") + ".c", "not a JSON object");
        assertIncorrect("a." + b64("{\"sub\":\"x\"}") + ".c", "no jid claim");
        assertIncorrect("a." + b64("{\"jid\":\"demo.local\"}") + ".c", "no user part");
        assertIncorrect("a." + b64("{\"jid\":\"alice@demo.local\",\"exp\":1e300}") + ".c", "exp claim is not a time");
        assertIncorrect("a." + b64("{\"jid\":\"alice@demo.local\",\"exp\":-9.3e18}") + ".c", "exp claim is not a time");
        assertThat(Token.parse("a." + b64("{\"jid\":\"alice@demo.local\",\"exp\":1900000000.75}") + ".c", "demo.local").expires())
                .contains(Instant.ofEpochSecond(1_900_000_000L));
        String other = TokenMinter.mint(AppSecret.loadOrCreate(dir.resolve("k.jwk")), "alice", "other.local", Instant.now());
        assertIncorrect(other, "issued for App Key 'other.local'");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertIncorrect(String token, String why) {
        assertThatThrownBy(() -> Token.parse(token, "demo.local"))
                .isInstanceOfSatisfying(RongException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INCORRECT))
                .hasMessageContaining(why);
    }
}
