package org.rongdesk.connection;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;

import java.nio.charset.StandardCharsets;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.jxmpp.util.XmppStringUtils;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.RongException;

/**
 * A user's token: a JWT whose payload carries {@code jid = <escaped userId>@<appKey>} and
 * {@code exp}. The client reads the payload only to learn who it signs in as; the server checks
 * the signature. {@link #toString()} never shows the token itself.
 */
public final class Token {
    private final String value;
    private final String localpart;
    private final String userId;
    private final Optional<Instant> expires;

    private Token(String value, String localpart, Optional<Instant> expires) {
        this.value = value;
        this.localpart = localpart;
        this.userId = XmppStringUtils.unescapeLocalpart(localpart);
        this.expires = expires;
    }

    /**
     * Reads {@code value} for App Key {@code appKey}; a token that is not such a JWT, or that
     * names another App Key, answers 2004 (the spec's "token parse failure").
     */
    public static Token parse(String value, String appKey) throws RongException {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw incorrect("the token is not a JWT (three base64url parts separated by dots)");
        }
        JsonObject payload;
        try {
            JsonElement json = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            if (!json.isJsonObject()) {
                throw incorrect("the token's payload is not a JSON object");
            }
            payload = json.getAsJsonObject();
        } catch (IllegalArgumentException | JsonParseException e) {
            throw incorrect("the token's payload is not base64url-encoded JSON");
        }
        JsonElement jid = payload.get("jid");
        if (jid == null || !jid.isJsonPrimitive() || !jid.getAsJsonPrimitive().isString()) {
            throw incorrect("the token has no jid claim");
        }
        String bare = XmppStringUtils.parseBareJid(jid.getAsString());
        String localpart = XmppStringUtils.parseLocalpart(bare);
        String domain = XmppStringUtils.parseDomain(bare).toLowerCase(Locale.ROOT);
        if (localpart == null || localpart.isEmpty()) {
            throw incorrect("the token's jid claim has no user part");
        }
        if (!domain.equals(appKey)) {
            throw incorrect("the token was issued for App Key '" + domain + "', not '" + appKey + "'");
        }
        Optional<Instant> expires = Optional.empty();
        JsonElement exp = payload.get("exp");
        if (exp != null && exp.isJsonPrimitive() && exp.getAsJsonPrimitive().isNumber()) {
            try {
                // a NumericDate may have a fraction (RFC 7519); one past Instant's range is no time at all
                expires = Optional.of(Instant.ofEpochSecond(exp.getAsBigDecimal().setScale(0, RoundingMode.FLOOR).longValueExact()));
            } catch (ArithmeticException | DateTimeException | NumberFormatException e) {
                throw incorrect("the token's exp claim is not a time");
            }
        }
        return new Token(value, localpart, expires);
    }

    /** The user id, as the spec's {@code result.userId} gives it. */
    public String userId() {
        return userId;
    }

    /** The JID's local part (the XEP-0106 escaped user id): the SASL user name. */
    public String localpart() {
        return localpart;
    }

    /** When the token stops being valid, if it says. */
    public Optional<Instant> expires() {
        return expires;
    }

    /** The token itself: the SASL password. Never log it. */
    String secret() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Token token && token.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Token[user=" + userId + ", expires=" + expires.map(Instant::toString).orElse("never") + "]";
    }

    private static RongException incorrect(String why) {
        return new RongException(ErrorCode.TOKEN_INCORRECT, why);
    }
}
