package org.rongdesk.plugins.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.sendOk;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;

/** An administrator steers a kiosk through a real ejabberd; anyone else is ignored. */
@ExtendWith(EjabberdExtension.class)
class KioskControlIT {
    @TempDir
    Path dir;

    @Test
    void onlyAdminsSteerTheKiosk(DevServer server) throws Exception {
        Clients.installPlugins(dir.resolve("kiosk"), List.of(Clients.builtPluginJar()), Map.of("kiosk-control", "admins=ops70\n"));
        Replies events = new Replies();
        try (RongCloud kiosk = Clients.signedIn(server, dir.resolve("kiosk"), "kiosk70", new Replies());
             RongCloud ops = Clients.signedIn(server, dir.resolve("ops"), "ops70", new Replies());
             RongCloud visitor = Clients.signedIn(server, dir.resolve("visitor"), "visitor70", new Replies())) {
            kiosk.setPluginEventListener(events);

            command(ops, "{\"action\":\"banner\",\"value\":\"Closing at 18:00 今天\"}");
            assertEvent(events.next().ret().getAsJsonObject("result"), "control", "banner", "Closing at 18:00 今天");
            JsonObject spoken = events.next().ret().getAsJsonObject("result");
            assertThat(spoken.get("type").getAsString()).isEqualTo("announce");
            assertThat(spoken.get("text").getAsString()).isEqualTo("Closing at 18:00 今天");

            command(ops, "{\"action\":\"theme\",\"value\":\"high-contrast\"}");
            assertEvent(events.next().ret().getAsJsonObject("result"), "control", "theme", "high-contrast");
            command(ops, "{\"action\":\"fontScale\",\"value\":\"250\"}");
            assertEvent(events.next().ret().getAsJsonObject("result"), "control", "fontScale", "250");
            command(ops, "{\"action\":\"reloadRoom\"}");
            assertEvent(events.next().ret().getAsJsonObject("result"), "control", "reloadRoom", "");

            command(ops, "{\"action\":\"fontScale\",\"value\":\"9000\"}");
            command(ops, "{\"action\":\"theme\",\"value\":\"<html>\"}");
            command(visitor, "{\"action\":\"banner\",\"value\":\"hacked\"}");
            assertThat(events.anyWithin(Duration.ofSeconds(2))).as("bad values and non-admins change nothing").isFalse();
        }
    }

    private static void command(RongCloud sender, String data) {
        sendOk(sender::sendCommandNotificationMessage, params("PRIVATE", "kiosk70", "name", "kiosk", "data", data));
    }

    private static void assertEvent(JsonObject event, String type, String action, String value) {
        assertThat(event.get("type").getAsString()).isEqualTo(type);
        assertThat(event.get("pluginId").getAsString()).isEqualTo("kiosk-control");
        assertThat(event.get("action").getAsString()).isEqualTo(action);
        assertThat(event.get("value").getAsString()).isEqualTo(value);
    }
}
