package org.rongdesk.plugins.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.error;
import static org.rongdesk.testing.Sends.message;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;
import static org.rongdesk.testing.Sends.sendOk;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.swing.JButton;
import javax.swing.JComponent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.plugin.api.MessageView;
import org.rongdesk.plugin.api.PluginContext;
import org.rongdesk.plugin.api.PluginMessage;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Replies.Reply;

/** The poll plugin jar, as built, loaded by two real clients talking through a real ejabberd. */
@ExtendWith(EjabberdExtension.class)
class PollIT {
    @TempDir
    Path dir;

    @Test
    void aPollRoundTripsAndVotesAreTalliedAndAnnounced(DevServer server) throws Exception {
        Clients.installPlugins(dir.resolve("a"), List.of(Clients.builtPluginJar()), Map.of());
        Clients.installPlugins(dir.resolve("b"), List.of(Clients.builtPluginJar()), Map.of());
        Replies bobReceived = new Replies();
        Replies aliceEvents = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice50", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob50", new Replies(), bobReceived)) {
            JsonArray plugins = result((p, callback) -> alice.getPlugins(callback), null).getAsJsonArray();
            assertThat(plugins).hasSize(1);
            assertThat(plugins.get(0).getAsJsonObject().get("id").getAsString()).isEqualTo("poll");
            assertThat(plugins.get(0).getAsJsonObject().get("state").getAsString()).isEqualTo("STARTED");
            alice.setPluginEventListener(aliceEvents);

            JsonObject poll = JsonParser.parseString("{\"pollId\":\"p1\",\"question\":\"Lunch 午饭?\","
                    + "\"options\":[\"yes\",\"no\"],\"sneaky\":\"dropped\"}").getAsJsonObject();
            sendOk(alice::sendMessage, params("PRIVATE", "bob50", "objectName", "App:Poll", "content", poll));

            JsonObject got = message(bobReceived.next());
            assertThat(got.get("objectName").getAsString()).isEqualTo("App:Poll");
            assertThat(got.getAsJsonObject("content").toString())
                    .isEqualTo("{\"pollId\":\"p1\",\"question\":\"Lunch 午饭?\",\"options\":[\"yes\",\"no\"]}");

            sendOk(bob::sendCommandNotificationMessage, params("PRIVATE", "alice50", "name", "poll.vote",
                    "data", "{\"pollId\":\"p1\",\"option\":1}"));
            Reply announced = aliceEvents.next();
            JsonObject event = announced.ret().getAsJsonObject("result");
            assertThat(event.get("type").getAsString()).isEqualTo("announce");
            assertThat(event.get("pluginId").getAsString()).isEqualTo("poll");
            assertThat(event.get("text").getAsString()).isEqualTo("bob50 voted \u201cno\u201d in \u201cLunch 午饭?\u201d. Now: yes 0, no 1");

            JsonObject bad = JsonParser.parseString("{\"pollId\":\"p2\",\"question\":\"?\",\"options\":[\"only\"]}").getAsJsonObject();
            assertThat(error(alice::sendMessage, params("PRIVATE", "bob50", "objectName", "App:Poll", "content", bad)).msg())
                    .isEqualTo("content: options must hold 2 to 10 choices");
        }
    }

    @Test
    void theViewNamesEveryButtonWithItsTally() {
        JsonObject poll = JsonParser.parseString("{\"pollId\":\"p3\",\"question\":\"<html><b>Bold?</b>\","
                + "\"options\":[\"a\",\"b\",\"c\"]}").getAsJsonObject();
        List<PluginMessage> sentVotes = new ArrayList<>();
        MessageView view = new PollView();
        JComponent component = view.create(new PluginMessage(1, "GROUP", "g", "alice", "App:Poll", poll, false, 0),
                new RecordingContext(sentVotes));
        assertThat(component.getAccessibleContext().getAccessibleName()).isEqualTo("Poll: <html><b>Bold?</b>");
        List<JButton> buttons = new ArrayList<>();
        for (java.awt.Component child : component.getComponents()) {
            if (child instanceof JButton button) {
                buttons.add(button);
                assertThat(button.getClientProperty("html.disable")).isEqualTo(Boolean.TRUE);
            }
        }
        assertThat(buttons).extracting(b -> b.getAccessibleContext().getAccessibleName())
                .containsExactly("Vote a, 0 votes", "Vote b, 0 votes", "Vote c, 0 votes");
        buttons.get(2).doClick();
        assertThat(sentVotes).singleElement().satisfies(vote ->
                assertThat(vote.content().get("data").getAsString()).isEqualTo("{\"pollId\":\"p3\",\"option\":2}"));
    }

    /** A context that records what the view sends (the view itself is pure Swing). */
    private record RecordingContext(List<PluginMessage> sent) implements PluginContext {
        @Override
        public String pluginId() {
            return "poll";
        }

        @Override
        public String userId() {
            return "alice";
        }

        @Override
        public void sendMessage(String conversationType, String targetId, String objectName, JsonObject content) {
            sent.add(new PluginMessage(0, conversationType, targetId, "alice", objectName, content, true, 0));
        }

        @Override
        public void addContact(String userId) {
        }

        @Override
        public void announce(String text) {
        }

        @Override
        public void ask(org.rongdesk.plugin.api.Question question) {
        }

        @Override
        public void control(org.rongdesk.plugin.api.HostControl control) {
        }

        @Override
        public Map<String, String> settings() {
            return Map.of();
        }

        @Override
        public List<PluginMessage> history(String conversationType, String targetId, String objectName, int count) {
            return List.of();
        }

        @Override
        public java.util.logging.Logger logger() {
            return java.util.logging.Logger.getLogger("test");
        }
    }
}
