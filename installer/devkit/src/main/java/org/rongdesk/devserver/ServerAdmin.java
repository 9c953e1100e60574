package org.rongdesk.devserver;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * The dev server's admin API (ejabberd's mod_http_api on loopback), as far as the token tool and
 * the readiness check need it. Calls block for at most a few seconds.
 */
public final class ServerAdmin {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** mod_http_api answers 409 (error 10090) when the account exists. */
    private static final int ALREADY_REGISTERED = 409;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI api;
    private final String host;

    ServerAdmin(DevServerSettings settings) {
        this.api = URI.create("http://127.0.0.1:" + settings.httpPort() + "/api/");
        this.host = settings.appKey();
    }

    /** True when the server answers its status command (it is up and serving). */
    public boolean isServing() {
        try {
            return call("status", new JsonObject()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Registers {@code localpart} (already XEP-0106 escaped) with a random password that no one
     * knows and that JWT-only auth rejects anyway: registration only makes the account exist
     * while its user is offline, so messages to them are stored, not bounced.
     * An account that exists already is left as it is.
     */
    public void register(String localpart) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        JsonObject body = new JsonObject();
        body.addProperty("user", localpart);
        body.addProperty("host", host);
        body.addProperty("password", Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        HttpResponse<String> response = call("register", body);
        if (response.statusCode() != 200 && response.statusCode() != ALREADY_REGISTERED) {
            throw new IOException("the server refused to register " + localpart + "@" + host + ": " + response.body());
        }
    }

    private HttpResponse<String> call(String command, JsonObject body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(api.resolve(command))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling the dev server's " + command, e);
        }
    }
}
