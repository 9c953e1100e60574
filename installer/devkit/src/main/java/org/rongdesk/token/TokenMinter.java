package org.rongdesk.token;

import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jxmpp.util.XmppStringUtils;
import org.rongdesk.devserver.AppSecret;

/**
 * Signs tokens. An organisation's backend does the same with its own JWT library: header
 * {@code {"alg":"HS256","typ":"JWT"}}, payload {@code {"jid":"<escaped userId>@<appKey>","iat":..,"exp":..}}
 * (seconds since 1970), key = the App Secret.
 */
public final class TokenMinter {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TokenMinter() {
    }

    /** A token that lets {@code userId} log in to App Key {@code appKey} until {@code expires}. */
    public static String mint(AppSecret secret, String userId, String appKey, Instant expires) {
        JsonObject header = new JsonObject();
        header.addProperty("alg", "HS256");
        header.addProperty("typ", "JWT");
        JsonObject payload = new JsonObject();
        payload.addProperty("jid", XmppStringUtils.escapeLocalpart(userId) + "@" + appKey);
        payload.addProperty("iat", Instant.now().getEpochSecond());
        payload.addProperty("exp", expires.getEpochSecond());
        String signingInput = encode(header.toString()) + "." + encode(payload.toString());
        return signingInput + "." + BASE64URL.encodeToString(hmac(secret.keyBytes(), signingInput));
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
