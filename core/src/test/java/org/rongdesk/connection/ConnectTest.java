package org.rongdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.devserver.AppSecret;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies.Reply;
import org.rongdesk.testing.Replies;
import org.rongdesk.token.TokenMinter;

/** init, connect, reconnect, disconnect and the status listener against a real ejabberd. */
@ExtendWith(EjabberdExtension.class)
class ConnectTest {
    @TempDir
    Path dir;

    @Test
    void aValidTokenSignsInAsItsUser(DevServer server) throws Exception {
        try (RongCloud client = Clients.forServer(server, dir)) {
            Replies replies = new Replies();
            Replies status = new Replies();
            client.init(replies);
            assertThat(replies.next().status()).isEqualTo("success");
            client.setConnectionStatusListener(status);

            client.connect(Clients.token(server.token("alice", Duration.ofHours(1))), replies);

            Reply connected = replies.next();
            assertThat(connected.status()).isEqualTo("success");
            assertThat(connected.ret().getAsJsonObject("result").get("userId").getAsString()).isEqualTo("alice");
            assertThat(connected.err()).isNull();
            assertThat(connected.thread().getName()).isEqualTo("rongcloud-callbacks");
            Reply connecting = status.next();
            assertThat(connecting.ret().toString()).isEqualTo("{\"result\":{\"code\":2,\"connectionStatus\":\"CONNECTING\"}}");
            assertThat(status.next().ret().toString()).isEqualTo("{\"result\":{\"code\":0,\"connectionStatus\":\"CONNECTED\"}}");
        }
    }

    @Test
    void userIdsWithSpacesAtSignsAndChineseRoundTrip(DevServer server) throws Exception {
        try (RongCloud client = Clients.forServer(server, dir)) {
            Replies replies = new Replies();
            client.init(replies);
            replies.next();
            client.connect(Clients.token(server.token("王 小明@office", Duration.ofHours(1))), replies);
            assertThat(replies.next().ret().getAsJsonObject("result").get("userId").getAsString()).isEqualTo("王 小明@office");
        }
    }

    @Test
    void expiredForgedForeignAndGarbageTokensAre2004(DevServer server) throws Exception {
        String expired = TokenMinter.mint(server.appSecret(), "alice", "demo.local", Instant.now().minusSeconds(60));
        String forged = TokenMinter.mint(AppSecret.loadOrCreate(dir.resolve("other.jwk")), "alice", "demo.local",
                Instant.now().plusSeconds(3600));
        String foreign = TokenMinter.mint(server.appSecret(), "alice", "elsewhere.local", Instant.now().plusSeconds(3600));
        server.token("alice", Duration.ofMinutes(1));
        try (RongCloud client = Clients.forServer(server, dir)) {
            Replies replies = new Replies();
            client.init(replies);
            replies.next();

            client.connect(Clients.token(expired), replies);
            Reply reply = replies.next();
            assertThat(reply.status()).isEqualTo("error");
            assertThat(reply.code()).isEqualTo(ErrorCode.TOKEN_INCORRECT);
            assertThat(reply.msg()).contains("expired");

            client.connect(Clients.token(forged), replies);
            assertThat(replies.next().code()).isEqualTo(ErrorCode.TOKEN_INCORRECT);
            client.connect(Clients.token(foreign), replies);
            assertThat(replies.next().msg()).contains("elsewhere.local");
            client.connect(Clients.token("not-a-token"), replies);
            assertThat(replies.next().code()).isEqualTo(ErrorCode.TOKEN_INCORRECT);
        }
    }

    @Test
    void missingOrMistypedParamsAreMinus10002AndCallsBeforeInitAreMinus10000(DevServer server) throws Exception {
        try (RongCloud client = Clients.forServer(server, dir)) {
            Replies replies = new Replies();
            client.connect(Clients.token(server.token("alice", Duration.ofHours(1))), replies);
            assertThat(replies.next().code()).isEqualTo(ErrorCode.NOT_INITIALIZED);
            client.reconnect(replies);
            assertThat(replies.next().code()).isEqualTo(ErrorCode.NOT_INITIALIZED);
            client.setConnectionStatusListener(replies);
            assertThat(replies.next().code()).isEqualTo(ErrorCode.NOT_INITIALIZED);
            client.disconnect(new JsonObject(), replies);
            assertThat(replies.next().code()).isEqualTo(ErrorCode.NOT_INITIALIZED);

            client.init(replies);
            replies.next();
            client.reconnect(replies);
            assertThat(replies.next().code()).as("reconnect before connect").isEqualTo(ErrorCode.NOT_CONNECTED);

            client.connect(new JsonObject(), replies);
            Reply missing = replies.next();
            assertThat(missing.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
            assertThat(missing.msg()).isEqualTo("token is missing");
            JsonObject wrongType = new JsonObject();
            wrongType.add("token", new JsonPrimitive(42));
            client.connect(wrongType, replies);
            assertThat(replies.next().msg()).isEqualTo("token must be a string, not a number");
            client.connect(Clients.token(""), replies);
            assertThat(replies.next().msg()).isEqualTo("token must not be empty");
            client.connect(null, replies);
            assertThat(replies.next().msg()).isEqualTo("token is missing");
            JsonObject push = new JsonObject();
            push.addProperty("isReceivePush", "no");
            client.disconnect(push, replies);
            assertThat(replies.next().msg()).isEqualTo("isReceivePush must be true or false, not a string");
        }
    }

    @Test
    void initExplainsAMissingConfigAndOneWithoutAppKey() throws Exception {
        Replies replies = new Replies();
        try (RongCloud missing = new RongCloud(dir.resolve("nowhere.xml"), dir)) {
            missing.init(replies);
            Reply reply = replies.next();
            assertThat(reply.status()).isEqualTo("error");
            assertThat(reply.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
            assertThat(reply.msg()).contains("nowhere.xml").contains("does not exist");
        }
        try (RongCloud noKey = new RongCloud(Clients.config(dir, "server", "127.0.0.1:1"), dir)) {
            noKey.init(replies);
            assertThat(replies.next().msg()).contains("no appKey");
        }
    }

    @Test
    void aStoppedServerIs2003AndTheClientKeepsTryingUntilDisconnected(DevServer server) throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Path config = Clients.config(dir, "appKey", "demo.local", "server", "127.0.0.1:" + closedPort);
        try (RongCloud client = new RongCloud(config, dir)) {
            Replies replies = new Replies();
            Replies status = new Replies();
            client.init(replies);
            replies.next();
            client.setConnectionStatusListener(status);

            client.connect(Clients.token(server.token("alice", Duration.ofHours(1))), replies);

            Reply reply = replies.next();
            assertThat(reply.code()).isEqualTo(ErrorCode.SERVER_UNAVAILABLE);
            assertThat(reply.msg()).contains("127.0.0.1:" + closedPort);
            assertThat(status.next().statusCode()).isEqualTo(2);

            client.disconnect(new JsonObject(), replies);
            assertThat(replies.next().status()).isEqualTo("success");
            assertThat(status.next().statusCode()).isEqualTo(-9);
            assertThat(status.anyWithin(Duration.ofSeconds(3))).as("no more attempts after disconnect").isFalse();
        }
    }

    @Test
    void aServerThatNeverAnswersIs5004(DevServer server) throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread holder = new Thread(() -> {
                try (Socket accepted = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (Exception e) {
                    // the test closed the socket: nothing more to hold
                }
            });
            holder.setDaemon(true);
            holder.start();
            Path config = Clients.config(dir, "appKey", "demo.local", "server", "127.0.0.1:" + silent.getLocalPort(),
                    "timeout", "1000");
            try (RongCloud client = new RongCloud(config, dir)) {
                Replies replies = new Replies();
                client.init(replies);
                replies.next();
                client.connect(Clients.token(server.token("alice", Duration.ofHours(1))), replies);
                Reply reply = replies.next();
                assertThat(reply.code()).isEqualTo(ErrorCode.SERVER_TIMEOUT);
                assertThat(reply.msg()).contains("1000 ms");
            }
        }
    }

    @Test
    void anAppKeyTheServerDoesNotServeIs2005(DevServer server) throws Exception {
        Path config = Clients.config(dir, "appKey", "nosuch.local", "server", "127.0.0.1:" + server.settings().c2sPort(),
                "tls", "disabled");
        String token = TokenMinter.mint(server.appSecret(), "alice", "nosuch.local", Instant.now().plusSeconds(600));
        try (RongCloud client = new RongCloud(config, dir)) {
            Replies replies = new Replies();
            client.init(replies);
            replies.next();
            client.connect(Clients.token(token), replies);
            Reply reply = replies.next();
            assertThat(reply.code()).isEqualTo(ErrorCode.APP_KEY_REJECTED);
            assertThat(reply.msg()).contains("nosuch.local");
        }
    }

    @Test
    void aSecondSignInOfTheSameUserKicksTheFirstWhichStaysOffline(DevServer server) throws Exception {
        Replies firstStatus = new Replies();
        Replies secondStatus = new Replies();
        try (RongCloud first = Clients.signedIn(server, dir.resolve("first"), "carol", firstStatus);
             RongCloud second = Clients.signedIn(server, dir.resolve("second"), "carol", secondStatus)) {
            assertThat(secondStatus.awaitStatus(0, Duration.ofSeconds(10))).containsExactly(2, 0);

            assertThat(firstStatus.awaitStatus(6, Duration.ofSeconds(10))).containsExactly(2, 0, 6);
            assertThat(firstStatus.anyWithin(Duration.ofSeconds(3))).as("the kicked client does not reconnect").isFalse();
            assertThat(secondStatus.anyWithin(Duration.ZERO)).as("the new session is undisturbed").isFalse();
        }
    }

    @Test
    void disconnectReportsMinus9AndReconnectSignsInAgain(DevServer server) throws Exception {
        Replies status = new Replies();
        try (RongCloud client = Clients.signedIn(server, dir, "dave", status)) {
            status.awaitStatus(0, Duration.ofSeconds(10));
            Replies replies = new Replies();

            JsonObject noPush = new JsonObject();
            noPush.addProperty("isReceivePush", false);
            client.disconnect(noPush, replies);
            assertThat(replies.next().ret().toString()).isEqualTo("{\"status\":\"success\"}");
            assertThat(status.next().statusCode()).isEqualTo(-9);

            client.reconnect(replies);
            assertThat(replies.next().ret().getAsJsonObject("result").get("userId").getAsString()).isEqualTo("dave");
            assertThat(status.awaitStatus(0, Duration.ofSeconds(10))).containsExactly(2, 0);
        }
    }
}
