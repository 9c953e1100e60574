package org.rongdesk.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.message;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;
import static org.rongdesk.testing.Sends.sendOk;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.RawXmpp;
import org.rongdesk.testing.Replies;

/** Plugins that fail to load, throw, hang or pry never stop the client: a real host, real jars, a real ejabberd. */
@ExtendWith(EjabberdExtension.class)
class PluginIsolationTest {
    @TempDir
    Path dir;

    @Test
    void brokenThrowingHangingAndPryingPluginsLeaveMessagingWorking(DevServer server) throws Exception {
        Path jars = Files.createDirectories(dir.resolve("jars"));
        List<Path> plugins = List.of(
                PluginJars.build(jars, "thrower", PluginJars.manifest("thrower", ">=0.1.0"), Map.of("t.Boom", """
                        package t;
                        @org.pf4j.Extension
                        public class Boom implements org.rongdesk.plugin.api.CommandHandler {
                            public String commandName() { return "boom"; }
                            public void handle(org.rongdesk.plugin.api.Command c, org.rongdesk.plugin.api.PluginContext x) {
                                throw new IllegalStateException("boom");
                            }
                        }"""), List.of("t.Boom")),
                PluginJars.build(jars, "sleeper", PluginJars.manifest("sleeper", ">=0.1.0"), Map.of("s.Slow", """
                        package s;
                        @org.pf4j.Extension
                        public class Slow implements org.rongdesk.plugin.api.MessageType {
                            public String objectName() { return "App:Slow"; }
                            public com.google.gson.JsonObject validate(com.google.gson.JsonObject c) {
                                try { Thread.sleep(60_000); } catch (InterruptedException e) { }
                                return c;
                            }
                            public String summary(com.google.gson.JsonObject c) { return "slow"; }
                        }"""), List.of("s.Slow")),
                PluginJars.build(jars, "snoop", PluginJars.manifest("snoop", ">=0.1.0"), Map.of("n.Snoop", """
                        package n;
                        @org.pf4j.Extension
                        public class Snoop implements org.rongdesk.plugin.api.CommandHandler {
                            public String commandName() { return "snoop"; }
                            public void handle(org.rongdesk.plugin.api.Command c, org.rongdesk.plugin.api.PluginContext x) {
                                String seen;
                                try { Class.forName("org.rongdesk.store.LocalStore"); seen = "host visible"; }
                                catch (ClassNotFoundException e) { seen = "host hidden"; }
                                x.announce(seen);
                            }
                        }"""), List.of("n.Snoop")),
                PluginJars.build(jars, "future", PluginJars.manifest("future", ">=9.0.0"), Map.of(), List.of()),
                PluginJars.build(jars, "nameless", Map.of("Plugin-Version", "1.0.0"), Map.of(), List.of()),
                PluginJars.build(jars, "missing-class", new HashMap<>(Map.of("Plugin-Id", "missing-class", "Plugin-Version", "1.0.0",
                        "Plugin-Class", "m.NotThere")), Map.of(), List.of()));
        Clients.installPlugins(dir.resolve("b"), plugins, Map.of());
        Replies received = new Replies();
        Replies events = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice80", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob80", new Replies(), received);
             RawXmpp mallory = RawXmpp.signIn(server, "mallory80")) {
            bob.setPluginEventListener(events);
            Map<String, JsonObject> status = status(bob);
            assertThat(status.get("thrower").get("state").getAsString()).isEqualTo("STARTED");
            assertThat(status.get("future").get("state").getAsString()).isEqualTo("FAILED");
            assertThat(status.get("future").get("problem").getAsString()).isEqualTo("needs Rong Desk >=9.0.0; this is 0.1.0");
            assertThat(status.get("missing-class").get("state").getAsString()).isEqualTo("FAILED");
            assertThat(status.get("nameless.jar").get("state").getAsString()).isEqualTo("FAILED");
            assertThat(status.get("nameless.jar").get("problem").getAsString()).isEqualTo("not a valid plugin: its manifest has no Plugin-Id");

            for (int i = 0; i < 3; i++) {
                sendOk(alice::sendCommandNotificationMessage, params("PRIVATE", "bob80", "name", "boom"));
                assertThat(message(received.next()).getAsJsonObject("content").get("name").getAsString()).isEqualTo("boom");
            }
            sendOk(alice::sendTextMessage, params("PRIVATE", "bob80", "text", "still here"));
            assertThat(message(received.next()).getAsJsonObject("content").get("text").getAsString()).isEqualTo("still here");
            JsonObject failing = events.next().ret().getAsJsonObject("result");
            assertThat(failing.get("type").getAsString()).isEqualTo("status");
            assertThat(status(bob).get("thrower").get("state").getAsString()).isEqualTo("FAILING");
            assertThat(status(bob).get("thrower").get("problem").getAsString()).contains("boom");

            Thread.sleep(300);
            mallory.sendPayload("bob80", "App:Slow", "{\"x\":1}", "slow message's text");
            assertThat(message(received.next()).getAsJsonObject("content").get("text").getAsString())
                    .as("a hanging type is given up on; the message falls back to its text").isEqualTo("slow message's text");
            sendOk(alice::sendTextMessage, params("PRIVATE", "bob80", "text", "after the slow one"));
            assertThat(message(received.next()).getAsJsonObject("content").get("text").getAsString()).isEqualTo("after the slow one");

            sendOk(alice::sendCommandNotificationMessage, params("PRIVATE", "bob80", "name", "snoop"));
            received.next();
            assertThat(events.next().ret().getAsJsonObject("result").get("text").getAsString()).isEqualTo("host hidden");
        }
    }

    @Test
    void theUsersListsSwitchPluginsOff(DevServer server) throws Exception {
        Path jars = Files.createDirectories(dir.resolve("jars"));
        Path one = PluginJars.build(jars, "one", PluginJars.manifest("one", ">=0.1.0"), Map.of(), List.of());
        Path two = PluginJars.build(jars, "two", PluginJars.manifest("two", ">=0.1.0"), Map.of(), List.of());
        Clients.installPlugins(dir.resolve("c"), List.of(one, two), Map.of());
        Files.writeString(dir.resolve("c/data/plugins/disabled.txt"), "# not wanted\ntwo\n");
        try (RongCloud client = Clients.signedIn(server, dir.resolve("c"), "carol80", new Replies())) {
            Map<String, JsonObject> status = status(client);
            assertThat(status.get("one").get("state").getAsString()).isEqualTo("STARTED");
            assertThat(status.get("two").get("state").getAsString()).isEqualTo("DISABLED");
        }
    }

    private static Map<String, JsonObject> status(RongCloud client) {
        JsonArray list = result((p, callback) -> client.getPlugins(callback), null).getAsJsonArray();
        Map<String, JsonObject> byId = new HashMap<>();
        for (JsonElement plugin : list) {
            byId.put(plugin.getAsJsonObject().get("id").getAsString(), plugin.getAsJsonObject());
        }
        return byId;
    }
}
