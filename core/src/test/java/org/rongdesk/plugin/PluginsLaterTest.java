package org.rongdesk.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;

/**
 * A desktop client starts faster when plugins load after its window: init then leaves them,
 * getPlugins lists none, summaries of their types fall back, and loadPlugins brings them in.
 */
class PluginsLaterTest {
    @TempDir
    Path dir;

    @Test
    void initLeavesPluginsForLoadPlugins() throws Exception {
        Path jars = Files.createDirectories(dir.resolve("jars"));
        Path jar = PluginJars.build(jars, "later", PluginJars.manifest("later", ">=0.1.0"), Map.of("l.Note", """
                package l;
                @org.pf4j.Extension
                public class Note implements org.rongdesk.plugin.api.MessageType {
                    public String objectName() { return "App:Note"; }
                    public com.google.gson.JsonObject validate(com.google.gson.JsonObject c) { return c; }
                    public String summary(com.google.gson.JsonObject c) { return "note: " + c.get("t").getAsString(); }
                }"""), List.of("l.Note"));
        Clients.installPlugins(dir, List.of(jar), Map.of());
        Path config = Clients.config(dir, "appKey", "later.local", "server", "127.0.0.1:9", "tls", "disabled");
        try (RongCloud rong = new RongCloud(config, dir.resolve("data"), List.of(dir.resolve("data/plugins")))) {
            rong.loadPluginsLater();
            Replies replies = new Replies();
            rong.init(replies);
            assertThat(replies.next().status()).isEqualTo("success");
            JsonObject note = new JsonObject();
            note.addProperty("t", "hi");

            rong.getPlugins(replies);
            assertThat((JsonArray) replies.next().ret().get("result")).isEmpty();
            assertThat(rong.pluginView("App:Note")).isEmpty();
            assertThat(rong.summarize("App:Note", note)).isEqualTo("[App:Note]");

            rong.loadPlugins(replies);
            assertThat(replies.next().status()).isEqualTo("success");
            rong.getPlugins(replies);
            JsonArray loaded = (JsonArray) replies.next().ret().get("result");
            assertThat(loaded).hasSize(1);
            assertThat(loaded.get(0).getAsJsonObject().get("state").getAsString()).isEqualTo("STARTED");
            assertThat(rong.summarize("App:Note", note)).isEqualTo("note: hi");
        }
    }
}
