package org.rongdesk.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Duration;

import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.RawXmpp;

/** A program on the bridge and a plain XMPP client read each other's names from vcard-temp. */
@ExtendWith(EjabberdExtension.class)
class BridgeProfilesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aBridgeUsersNameIsReadByAPlainClientAndTheOtherWayRound(DevServer server) throws Exception {
        String token = server.token("alice99", Duration.ofHours(1));
        try (LiveBridge bridge = new LiveBridge(Clients.forServer(server, dir));
             RawXmpp carol = RawXmpp.signIn(server, "carol99")) {
            bridge.send("{\"id\":1,\"method\":\"init\"}");
            bridge.send("{\"id\":2,\"method\":\"connect\",\"params\":{\"token\":\"" + token + "\"}}");
            bridge.send("{\"id\":3,\"method\":\"setUserInfo\",\"params\":{\"name\":\"Alice 爱丽丝\"}}");
            JsonObject set = answer(bridge, 3);
            assertThat(set.getAsJsonObject("ret").getAsJsonObject("result").get("name").getAsString()).isEqualTo("Alice 爱丽丝");

            VCard seen = VCardManager.getInstanceFor(carol.connection())
                    .loadVCard(JidCreate.entityBareFrom("alice99@" + server.settings().appKey()));
            assertThat(seen.getNickName()).isEqualTo("Alice 爱丽丝");

            VCard carols = new VCard();
            carols.setField("FN", "Carol Formal");
            VCardManager.getInstanceFor(carol.connection()).saveVCard(carols);
            bridge.send("{\"id\":4,\"method\":\"getUserInfo\",\"params\":{\"userId\":\"carol99\"}}");
            assertThat(answer(bridge, 4).toString()).as("no nickname: the full name").isEqualTo(
                    "{\"id\":4,\"ret\":{\"status\":\"success\",\"result\":{\"userId\":\"carol99\",\"name\":\"Carol Formal\","
                            + "\"portraitUri\":\"\"}},\"err\":null}");
            bridge.send("{\"id\":5,\"method\":\"setUserInfo\",\"params\":{\"name\":\"" + "n".repeat(65) + "\"}}");
            JsonObject tooLong = answer(bridge, 5);
            assertThat(tooLong.getAsJsonObject("err").get("code").getAsInt()).isEqualTo(-10002);
            assertThat(tooLong.getAsJsonObject("err").get("msg").getAsString()).isEqualTo("name: at most 64 characters, was 65");
        }
    }

    private static JsonObject answer(LiveBridge bridge, int id) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject line = bridge.next(Duration.ofMillis(Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            if (line != null && line.get("id").isJsonPrimitive() && line.get("id").getAsInt() == id) {
                return line;
            }
        }
        throw new AssertionError("no answer to request " + id + " within " + WAIT);
    }
}
