package org.rongdesk.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.ids;
import static org.rongdesk.testing.Sends.message;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;
import static org.rongdesk.testing.Sends.sendOk;
import static org.rongdesk.testing.Sends.with;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.Callback;
import org.rongdesk.api.RongCloud;
import org.rongdesk.base.XmlChars;
import org.rongdesk.bridge.BadCalls.BadCall;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;

/**
 * Thousands of generated bad calls, through the facade and through the bridge, against a client
 * signed in to a real ejabberd: each is refused with -10002 (or the spec's code for the case)
 * and a message naming the field, none hangs, none throws, none succeeds; then the same client
 * still sends and reads, and its store holds exactly the messages sent on purpose.
 * The seed is printed; {@code -Dfuzz.seed=N} replays a run.
 */
@ExtendWith(EjabberdExtension.class)
class BadInputFuzzTest {
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(15);
    private static final int RANDOM_CALLS = 1500;
    private static final String PEER = MethodRules.PEER;
    private static final int PROCESS_CALLS = 400;
    /** Methods whose valid params name a stored message, which a fresh bridge process has not. */
    private static final Set<String> NEED_A_MESSAGE = Set.of("resendMessage", "downloadMediaMessage", "deleteMessages",
            "setMessageReceivedStatus", "setMessageExtra");

    @TempDir
    Path dir;

    /** One callback invocation, or why there was none. */
    private record Answer(JsonObject ret, JsonObject err, String problem) {
        String status() {
            return ret != null && ret.has("status") ? ret.get("status").getAsString() : "";
        }
    }

    @Test
    void badCallsAreRefusedNamingTheFieldAndTheClientKeepsWorking(DevServer server) throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("BadInputFuzzTest seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Replies bobReceived = new Replies();
        Replies aliceStatus = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "fuzzalice", aliceStatus);
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), PEER, new Replies(), bobReceived)) {
            long before = sendOk(alice::sendTextMessage, params("PRIVATE", PEER, "text", "before the fuzz"));
            assertThat(message(bobReceived.next()).getAsJsonObject("content").get("text").getAsString())
                    .isEqualTo("before the fuzz");
            aliceStatus.awaitStatus(0, ANSWER_WAIT);
            FuzzFixture fixture = FuzzFixture.create(before, "fuzzalice@" + server.settings().appKey(),
                    alice.fileBase().orElseThrow(), dir.resolve("outside"));
            BadCalls generator = new BadCalls(seed, fixture);
            List<BadCall> calls = new ArrayList<>(generator.everyBadValue());
            calls.addAll(generator.randomCombinations(RANDOM_CALLS));
            List<BadCall> shapes = generator.wrongParamsShapes();
            List<String> problems = new ArrayList<>();

            long start = System.nanoTime();
            int facadeCases = 0;
            for (BadCall call : calls) {
                problems.addAll(refused(call, facade(alice, call)));
                facadeCases++;
            }
            for (BadCall call : shapes) {
                if (call.params() == null) {
                    problems.addAll(refused(call, facade(alice, call)));
                    facadeCases++;
                }
            }
            for (BadCall call : generator.validReadsWithUnknownFields()) {
                problems.addAll(succeeded(call, facade(alice, call)));
                facadeCases++;
            }
            double facadeSeconds = (System.nanoTime() - start) / 1e9;

            start = System.nanoTime();
            int bridgeCases = 0;
            try (LiveBridge bridge = new LiveBridge(alice)) {
                int id = 1;
                for (BadCall call : calls) {
                    problems.addAll(refused(call, bridged(bridge, id++, call)));
                    bridgeCases++;
                }
                for (BadCall call : shapes) {
                    problems.addAll(refused(call, bridged(bridge, id++, call)));
                    bridgeCases++;
                }
                for (BadCall call : generator.validReadsWithUnknownFields()) {
                    problems.addAll(succeeded(call, bridged(bridge, id++, call)));
                    bridgeCases++;
                }
                BadCall goodLine = new BadCall("getTotalUnreadCount", null, List.of(), Set.of(), "a good line after a bad one");
                for (MalformedLines.Malformed line : MalformedLines.all()) {
                    problems.addAll(malformedRefused(bridge, line));
                    problems.addAll(succeeded(goodLine, bridged(bridge, id++, goodLine)));
                    bridgeCases += 2;
                }
                double bridgeSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("BadInputFuzzTest: %d methods, %d facade cases in %.1f s, %d bridge cases in %.1f s, %d problems%n",
                        generator.methods().size(), facadeCases, facadeSeconds, bridgeCases, bridgeSeconds, problems.size());
                assertThat(problems).as("bad calls not refused as they should be (seed %d)", seed).isEmpty();
                assertThat(bridge.isServing()).as("the bridge still serves").isTrue();
                assertThat(aliceStatus.anyWithin(Duration.ZERO)).as("the connection never changed (no drop, no reconnect)")
                        .isFalse();

                long after = sendOk(alice::sendTextMessage, params("PRIVATE", PEER, "text", "after the fuzz"));
                assertThat(message(bobReceived.next()).getAsJsonObject("content").get("text").getAsString())
                        .as("the peer gets the next message, and no fuzz message before it").isEqualTo("after the fuzz");
                assertThat(bobReceived.anyWithin(Duration.ofMillis(500))).as("nothing else reached the peer").isFalse();
                assertThat(ids(result(alice::getLatestMessages, params("PRIVATE", PEER, "count", 1000))))
                        .as("the store holds exactly the two messages sent on purpose").containsExactly(after, before);
                JsonArray conversations = result((p, c) -> alice.getConversationList(c), null).getAsJsonArray();
                assertThat(conversations).as("no conversation made by a bad call").hasSize(1);
                JsonObject only = conversations.get(0).getAsJsonObject();
                assertThat(only.get("targetId").getAsString()).isEqualTo(PEER);
                assertThat(only.get("latestMessageId").getAsLong()).isEqualTo(after);
                assertThat(result((p, c) -> alice.getTotalUnreadCount(c), null).getAsInt()).isZero();
                assertThat(result(alice::quitGroup, with(new JsonObject(), "groupId", "fuzz-never-joined"))).isNull();
                assertThat(result(alice::quitChatRoom, with(new JsonObject(), "chatRoomId", "fuzz-never-joined"))).isNull();
                assertThat(result(alice::quitDiscussion, with(new JsonObject(), "discussionId", MethodRules.NO_DISCUSSION)))
                        .as("quitting what you are not in has nothing to do").isNull();
            }
        }
    }

    @Test
    void aBridgeProcessRefusesBadLinesAndStillAnswers(DevServer server) throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("BadInputFuzzTest (process) seed " + seed);
        Path config = server.writeClientConfig(dir.resolve("config.xml"));
        Path data = dir.resolve("data");
        FuzzFixture fixture = FuzzFixture.create(1, "fuzzcarol@" + server.settings().appKey(), data.resolve("fs"),
                dir.resolve("outside"));
        List<BadCall> calls = new BadCalls(seed, fixture).randomCombinations(PROCESS_CALLS).stream()
                .filter(call -> !NEED_A_MESSAGE.contains(call.method())).toList();
        String token = server.token("fuzzcarol", Duration.ofHours(1));
        StringBuilder input = new StringBuilder("{\"id\":1,\"method\":\"init\"}\n{\"id\":2,\"method\":\"connect\",\"params\":"
                + Clients.token(token) + "}\n");
        int id = 100;
        for (BadCall call : calls) {
            JsonObject request = new JsonObject();
            request.addProperty("id", id++);
            request.addProperty("method", call.method());
            request.add("params", call.params());
            // as JSON escapes: a lone surrogate written raw would reach the process as '?'
            input.append(XmlChars.escapeInJson(request.toString())).append('\n');
        }
        List<MalformedLines.Malformed> malformed = MalformedLines.all();
        malformed.forEach(line -> input.append(line.line()).append('\n'));
        input.append("{\"id\":3,\"method\":\"getConversationList\"}\n");

        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process bridge = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), BridgeMain.class.getName(),
                "--config", config.toString(), "--data", data.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try (var in = bridge.getOutputStream()) {
            in.write(input.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(bridge.waitFor(90, TimeUnit.SECONDS)).as("the bridge exits after the end of input").isTrue();
        assertThat(bridge.exitValue()).isZero();

        List<JsonObject> lines = Files.readAllLines(stdout).stream().map(line -> JsonParser.parseString(line).getAsJsonObject())
                .toList();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            int callId = 100 + i;
            List<JsonObject> answers = lines.stream().filter(line -> line.get("id").equals(new JsonPrimitive(callId))).toList();
            problems.addAll(answers.size() != 1 ? List.of(calls.get(i) + " → " + answers.size() + " answers")
                    : refused(calls.get(i), new Answer(answers.get(0).getAsJsonObject("ret"),
                            answers.get(0).get("err").isJsonNull() ? null : answers.get(0).getAsJsonObject("err"), null)));
        }
        long withoutId = malformed.stream().filter(line -> line.id().isJsonNull()).count();
        assertThat(lines.stream().filter(line -> line.get("id").isJsonNull()))
                .as("one -10002 answer per line without a usable id").hasSize((int) withoutId)
                .allSatisfy(line -> assertThat(line.getAsJsonObject("err").get("code").getAsInt()).isEqualTo(-10002));
        assertThat(problems).as("bad calls not refused as they should be (seed %d)", seed).isEmpty();
        JsonObject list = lines.stream().filter(line -> line.get("id").equals(new JsonPrimitive(3))).findFirst().orElseThrow();
        assertThat(list.toString()).as("still answering, and no conversation made by a bad call")
                .isEqualTo("{\"id\":3,\"ret\":{\"status\":\"success\",\"result\":[]},\"err\":null}");
        assertThat(Files.readString(stderr)).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        System.out.printf("BadInputFuzzTest: %d calls and %d malformed lines through a bridge process%n", calls.size(),
                malformed.size());
    }

    private static Answer facade(RongCloud client, BadCall call) {
        LinkedBlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
        Callback callback = (ret, err) -> answers.add(new Answer(ret, err, null));
        try {
            Method method = RongCloud.class.getMethod(call.method(), JsonObject.class, Callback.class);
            method.invoke(client, call.params() == null ? null : call.params().getAsJsonObject(), callback);
        } catch (InvocationTargetException e) {
            return new Answer(null, null, "threw " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return settle(() -> answers.poll(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static Answer bridged(LiveBridge bridge, int id, BadCall call) throws Exception {
        JsonObject request = new JsonObject();
        request.addProperty("id", id);
        request.addProperty("method", call.method());
        if (call.params() != null) {
            request.add("params", call.params());
        }
        bridge.send(request.toString());
        return settle(() -> {
            JsonObject line = bridge.next(ANSWER_WAIT);
            if (line == null) {
                return null;
            }
            if (!line.get("id").equals(new JsonPrimitive(id))) {
                return new Answer(null, null, "answered with id " + line.get("id") + " instead of " + id + ": " + line);
            }
            return new Answer(line.getAsJsonObject("ret"), line.get("err").isJsonNull() ? null : line.getAsJsonObject("err"),
                    null);
        });
    }

    /** Where answers come from. */
    @FunctionalInterface
    private interface AnswerSource {
        Answer next() throws InterruptedException;
    }

    /** The first answer; a send that was accepted is followed to its final answer, so that nothing is left pending. */
    private static Answer settle(AnswerSource source) {
        try {
            Answer first = source.next();
            if (first == null) {
                return new Answer(null, null, "no answer within " + ANSWER_WAIT.toSeconds() + " s");
            }
            Answer last = first;
            while (last != null && (last.status().equals("prepare") || last.status().equals("progress"))) {
                last = source.next();
            }
            return first;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> refused(BadCall call, Answer answer) {
        if (answer.problem() != null) {
            return List.of(call + " → " + answer.problem());
        }
        if (!answer.status().equals("error") || answer.err() == null) {
            return List.of(call + " → " + answer.status() + " " + answer.ret());
        }
        int code = answer.err().get("code").getAsInt();
        String msg = answer.err().get("msg").getAsString();
        if (!call.codes().contains(code)) {
            return List.of(call + " → code " + code + " (want " + call.codes() + "): " + msg);
        }
        if (call.fields().stream().noneMatch(msg::contains)) {
            return List.of(call + " → message names none of " + call.fields() + ": " + msg);
        }
        return List.of();
    }

    private static List<String> succeeded(BadCall call, Answer answer) {
        if (answer.problem() != null || !answer.status().equals("success")) {
            return List.of(call + " → not success: " + answer);
        }
        return List.of();
    }

    private static List<String> malformedRefused(LiveBridge bridge, MalformedLines.Malformed line) throws Exception {
        bridge.send(line.line());
        JsonObject answer = bridge.next(ANSWER_WAIT);
        if (answer == null) {
            return List.of("malformed line " + line + " → no answer; bridge failure: " + bridge.failure());
        }
        JsonElement err = answer.get("err");
        if (err == null || err.isJsonNull() || err.getAsJsonObject().get("code").getAsInt() != -10002
                || !answer.getAsJsonObject("ret").get("status").getAsString().equals("error")) {
            return List.of("malformed line " + line + " → " + answer);
        }
        if (!answer.get("id").equals(line.id())) {
            return List.of("malformed line " + line + " → answered with id " + answer.get("id"));
        }
        return List.of();
    }
}
