package org.rongdesk.devserver;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * An App Secret: the HS256 key tokens are signed with, stored as the JWK ({@code {"kty":"oct","k":...}})
 * that ejabberd reads through its {@code jwt_key} option. Never printed, never logged.
 */
public final class AppSecret {
    private static final int KEY_BYTES = 32;
    private final byte[] key;

    private AppSecret(byte[] key) {
        this.key = key.clone();
    }

    /** Reads the secret from {@code file}, creating it (readable by its owner only) the first time. */
    public static AppSecret loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, newJwk(), StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            }
        }
        return load(file);
    }

    /** A fresh random secret of 256 bits as the JWK ejabberd's {@code jwt_key} reads. */
    public static String newJwk() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        JsonObject jwk = new JsonObject();
        jwk.addProperty("kty", "oct");
        jwk.addProperty("k", Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        return jwk.toString();
    }

    /** Reads an existing secret. */
    public static AppSecret load(Path file) throws IOException {
        try {
            JsonObject jwk = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            if (!"oct".equals(jwk.get("kty").getAsString())) {
                throw new IOException(file + " is not an oct JWK");
            }
            byte[] key = Base64.getUrlDecoder().decode(jwk.get("k").getAsString());
            if (key.length < KEY_BYTES) {
                throw new IOException(file + " holds a key of " + key.length + " bytes; at least " + KEY_BYTES + " are needed");
            }
            return new AppSecret(key);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException e) {
            throw new IOException(file + " is not a JWK with a base64url \"k\": " + e.getMessage(), e);
        }
    }

    /** The raw key bytes (a copy). */
    public byte[] keyBytes() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "AppSecret[hidden]";
    }
}
