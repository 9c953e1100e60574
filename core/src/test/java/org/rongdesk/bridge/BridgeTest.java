package org.rongdesk.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;

/** The bridge protocol over a real client and a real ejabberd. */
@ExtendWith(EjabberdExtension.class)
class BridgeTest {
    @TempDir
    Path dir;

    @Test
    void aSessionSignsInAndEveryCallbackIsOneLineWithItsId(DevServer server) throws Exception {
        String token = server.token("alice", Duration.ofHours(1));

        List<JsonObject> lines = session(Clients.forServer(server, dir),
                "{\"id\":1,\"method\":\"init\"}",
                "{\"id\":2,\"method\":\"setConnectionStatusListener\"}",
                "{\"id\":3,\"method\":\"connect\",\"params\":{\"token\":\"" + token + "\"}}");

        assertThat(reply(lines, 1).toString()).isEqualTo("{\"id\":1,\"ret\":{\"status\":\"success\"},\"err\":null}");
        assertThat(reply(lines, 3).toString())
                .isEqualTo("{\"id\":3,\"ret\":{\"status\":\"success\",\"result\":{\"userId\":\"alice\"}},\"err\":null}");
        assertThat(lines.stream().filter(line -> line.get("id").getAsInt() == 2)
                .map(line -> line.getAsJsonObject("ret").getAsJsonObject("result").get("code").getAsInt()))
                .as("connecting, connected, and disconnected at end of input").containsExactly(2, 0, -9);
    }

    @Test
    void badLinesAreAnsweredAndTheBridgeReadsOn(DevServer server) throws Exception {
        String token = server.token("alice", Duration.ofHours(1));

        List<JsonObject> lines = session(Clients.forServer(server, dir),
                "this is not json",
                "[1, 2]",
                "{\"id\":1}",
                "{\"id\":2,\"method\":\"fly\"}",
                "{\"id\":3,\"method\":\"createDiscussion\",\"params\":{\"name\":\"x\",\"userIdList\":[]}}",
                "{\"id\":4,\"method\":\"connect\",\"params\":\"tok\"}",
                "{\"id\":{\"x\":1},\"method\":\"init\"}",
                "{id:5,method:'init'}",
                "{\"id\":6,\"method\":\"init\"} {\"id\":7}",
                "{\"id\":8,\"method\":\"connect\",\"params\":{\"token\":true}}",
                "{\"id\":9,\"method\":\"connect\",\"params\":{}}",
                "",
                "{\"id\":10,\"method\":\"init\"}",
                "{\"id\":11,\"method\":\"connect\",\"params\":{\"token\":\"" + token + "\"}}");

        List<JsonObject> withoutId = lines.stream().filter(line -> line.get("id").isJsonNull()).toList();
        assertThat(withoutId).hasSize(5);
        assertError(withoutId.get(0), -10002, "not valid JSON");
        assertError(withoutId.get(1), -10002, "must be a JSON object, not an array");
        assertError(withoutId.get(2), -10002, "id must be a number or a string");
        assertError(withoutId.get(3), -10002, "not valid JSON");
        assertError(withoutId.get(4), -10002, "more than one JSON value");
        assertError(reply(lines, 1), -10002, "no \"method\" string");
        assertError(reply(lines, 2), -10002, "unknown method 'fly'");
        assertError(reply(lines, 3), -10000, "init has not succeeded");
        assertError(reply(lines, 4), -10002, "params must be a JSON object, not a string");
        assertError(reply(lines, 8), -10000, "init");
        assertError(reply(lines, 9), -10000, "init");
        assertThat(reply(lines, 10).getAsJsonObject("ret").get("status").getAsString()).isEqualTo("success");
        assertThat(reply(lines, 11).toString()).contains("\"userId\":\"alice\"");
    }

    @Test
    void everySpecMethodAndTheAdditionsAreServed() {
        try (RongCloud client = new RongCloud(null, dir)) {
            assertThat(Bridge.methodNames(client)).containsAll(SpecMethods.ALL).containsAll(SpecMethods.ADDITIONS)
                    .hasSize(SpecMethods.ALL.size() + SpecMethods.ADDITIONS.size());
        }
    }

    @Test
    void initAnswersAMissingConfigAndOneWithoutAppKey() throws Exception {
        List<JsonObject> missing = session(new RongCloud(null, dir), "{\"id\":\"a\",\"method\":\"init\"}");
        assertThat(missing.get(0).get("id").getAsString()).isEqualTo("a");
        assertError(missing.get(0), -10002, "no config file was given");

        Path noKey = Clients.config(dir, "server", "127.0.0.1:5222");
        List<JsonObject> lines = session(new RongCloud(noKey, dir),
                "{\"id\":1,\"method\":\"init\"}",
                "{\"id\":2,\"method\":\"connect\",\"params\":{\"token\":\"x.y.z\"}}");
        assertError(reply(lines, 1), -10002, "no appKey");
        assertError(reply(lines, 2), -10000, "init has not succeeded");
    }

    @Test
    void disconnectTakesTheSpecsBareBoolean(DevServer server) throws Exception {
        String token = server.token("alice", Duration.ofHours(1));
        List<JsonObject> lines = session(Clients.forServer(server, dir),
                "{\"id\":1,\"method\":\"init\"}",
                "{\"id\":2,\"method\":\"connect\",\"params\":{\"token\":\"" + token + "\"}}",
                "{\"id\":3,\"method\":\"disconnect\",\"params\":false}",
                "{\"id\":4,\"method\":\"disconnect\",\"params\":7}");
        assertThat(reply(lines, 3).toString()).isEqualTo("{\"id\":3,\"ret\":{\"status\":\"success\"},\"err\":null}");
        assertError(reply(lines, 4), -10002, "params must be a JSON object, not a number");
    }

    private static List<JsonObject> session(RongCloud client, String... requests) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (client) {
            new Bridge(client, new PrintStream(out, true, StandardCharsets.UTF_8))
                    .serve(new BufferedReader(new StringReader(String.join("\n", requests) + "\n")));
        }
        return out.toString(StandardCharsets.UTF_8).lines()
                .map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
    }

    private static JsonObject reply(List<JsonObject> lines, int id) {
        return lines.stream().filter(line -> {
            JsonElement lineId = line.get("id");
            return lineId.isJsonPrimitive() && lineId.getAsJsonPrimitive().isNumber() && lineId.getAsInt() == id;
        }).findFirst().orElseThrow(() -> new AssertionError("no line with id " + id + " in " + lines));
    }

    private static void assertError(JsonObject line, int code, String message) {
        assertThat(line.getAsJsonObject("ret").get("status").getAsString()).isEqualTo("error");
        assertThat(line.getAsJsonObject("err").get("code").getAsInt()).as("code of %s", line).isEqualTo(code);
        assertThat(line.getAsJsonObject("err").get("msg").getAsString()).contains(message);
    }
}
