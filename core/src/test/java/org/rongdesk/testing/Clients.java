package org.rongdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.rongdesk.api.Callback;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;

/** Real clients for a real dev server. */
public final class Clients {
    private Clients() {
    }

    /** A client whose config points at {@code server}, with data in {@code dir} (and its plugins in {@code dir/data/plugins}). */
    public static RongCloud forServer(DevServer server, Path dir) throws IOException {
        Path config = server.writeClientConfig(dir.resolve("config.xml"));
        Path data = Files.createDirectories(dir.resolve("data"));
        return new RongCloud(config, data, List.of(data.resolve("plugins")));
    }

    /**
     * Puts plugin jars where {@link #forServer} clients in {@code dir} load them from, with the
     * given settings files ({@code pluginId.properties} text by plugin id).
     */
    public static void installPlugins(Path dir, List<Path> jars, Map<String, String> settings) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("data/plugins"));
        for (Path jar : jars) {
            Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        for (Map.Entry<String, String> file : settings.entrySet()) {
            Files.writeString(plugins.resolve(file.getKey() + ".properties"), file.getValue());
        }
    }

    /** The plugin jar the build made, as failsafe tells the plugin modules' integration tests. */
    public static Path builtPluginJar() {
        String jar = System.getProperty("plugin.jar");
        assertThat(jar).as("system property plugin.jar (set by failsafe)").isNotNull();
        return Path.of(jar);
    }

    /** A client for {@code server}, initialised and signed in as {@code userId}, reporting status to {@code status}. */
    public static RongCloud signedIn(DevServer server, Path dir, String userId, Replies status) throws IOException {
        return signedIn(server, dir, userId, status, new Replies());
    }

    /** The same, with received messages going to {@code received}. */
    public static RongCloud signedIn(DevServer server, Path dir, String userId, Replies status, Callback received)
            throws IOException {
        return signIn(forServer(server, dir), server, userId, status, received);
    }

    /** Initialises {@code client}, sets its listeners and signs it in to {@code server} as {@code userId}. */
    public static RongCloud signIn(RongCloud client, DevServer server, String userId, Replies status, Callback received)
            throws IOException {
        Replies replies = new Replies();
        client.init(replies);
        assertThat(replies.next().status()).isEqualTo("success");
        client.setConnectionStatusListener(status);
        client.setOnReceiveMessageListener(received);
        client.connect(token(server.token(userId, Duration.ofHours(1))), replies);
        assertThat(replies.next().ret().toString()).contains("\"userId\":");
        return client;
    }

    /** Makes these users exist on the server, so messages to them are kept while they are offline. */
    public static void register(DevServer server, String... users) throws IOException {
        for (String user : users) {
            server.token(user, Duration.ofMinutes(1));
        }
    }

    /** {@code {"token": token}}. */
    public static JsonObject token(String token) {
        JsonObject params = new JsonObject();
        params.addProperty("token", token);
        return params;
    }

    /** A client config file with these params. */
    public static Path config(Path dir, String... nameValuePairs) throws IOException {
        StringBuilder xml = new StringBuilder("<widget><feature name=\"rongCloud\">\n");
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            xml.append("  <param name=\"").append(nameValuePairs[i]).append("\" value=\"")
                    .append(nameValuePairs[i + 1]).append("\"/>\n");
        }
        xml.append("</feature></widget>\n");
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("config.xml"), xml);
    }
}
