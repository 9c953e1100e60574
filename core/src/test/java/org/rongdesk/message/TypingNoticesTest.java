package org.rongdesk.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.error;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;
import static org.rongdesk.testing.Sends.sendOk;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.RawXmpp;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Replies.Reply;

/** Typing notices between two Rong Desk clients and with a plain XMPP client, through a real ejabberd. */
@ExtendWith(EjabberdExtension.class)
class TypingNoticesTest {
    private static final Duration SOON = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void aPeerTypesUntilItSendsOrFallsSilent(DevServer server) throws Exception {
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice90", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob90", new Replies())) {
            Replies typing = new Replies();
            alice.setTypingStatusListener(typing);
            result(bob::sendTypingStatus, params("PRIVATE", "alice90"));
            assertTyping(typing.next(SOON), "bob90", true);
            result(bob::sendTypingStatus, params("PRIVATE", "alice90"));
            sendOk(bob::sendTextMessage, params("PRIVATE", "alice90", "text", "here it is"));
            assertTyping(typing.next(SOON), "bob90", false);
            assertThat(typing.anyWithin(Duration.ofSeconds(1))).as("started once, ended once").isFalse();

            // bob stops typing without sending: his client says paused after 6 s
            result(bob::sendTypingStatus, params("PRIVATE", "alice90"));
            assertTyping(typing.next(SOON), "bob90", true);
            long start = System.nanoTime();
            assertTyping(typing.next(Duration.ofSeconds(10)), "bob90", false);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(5));

            assertThat(error(bob::sendTypingStatus, params("GROUP", "g90")).msg())
                    .isEqualTo("conversationType: typing notices go to PRIVATE conversations only, not GROUP");
        }
    }

    @Test
    void aPlainXmppClientsChatStatesArriveAndOursReachIt(DevServer server) throws Exception {
        BlockingQueue<Message> toCarol = new LinkedBlockingQueue<>();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice91", new Replies());
             RawXmpp carol = RawXmpp.signIn(server, "carol91", toCarol::add)) {
            Replies typing = new Replies();
            alice.setTypingStatusListener(typing);
            // carol answers alice's message, as a chat client does: at the resource it came from
            // (to the bare JID, ejabberd drops a body-less chat state while alice's client is still
            // catching up before it sends presence)
            sendOk(alice::sendTextMessage, params("PRIVATE", "carol91", "text", "hi carol"));
            Message hi = toCarol.poll(5, TimeUnit.SECONDS);
            assertThat(hi).isNotNull();
            String aliceResource = hi.getFrom().toString();
            carol.connection().sendStanza(state(aliceResource, ChatState.composing));
            assertTyping(typing.next(SOON), "carol91", true);
            carol.connection().sendStanza(state(aliceResource, ChatState.paused));
            assertTyping(typing.next(SOON), "carol91", false);

            // a client that goes quiet without a paused: typing ends after 6 s by itself
            carol.connection().sendStanza(state(aliceResource, ChatState.composing));
            assertTyping(typing.next(SOON), "carol91", true);
            assertTyping(typing.next(Duration.ofSeconds(10)), "carol91", false);

            result(alice::sendTypingStatus, params("PRIVATE", "carol91"));
            Message composing = toCarol.poll(5, TimeUnit.SECONDS);
            assertThat(stateOf(composing)).isEqualTo(ChatState.composing);
            assertThat(composing.getBody()).isNull();
            Message paused = toCarol.poll(10, TimeUnit.SECONDS);
            assertThat(stateOf(paused)).isEqualTo(ChatState.paused);

            sendOk(alice::sendTextMessage, params("PRIVATE", "carol91", "text", "hello"));
            assertThat(stateOf(toCarol.poll(5, TimeUnit.SECONDS))).as("a message says active").isEqualTo(ChatState.active);
        }
    }

    private static Message state(String to, ChatState state) throws Exception {
        return StanzaBuilder.buildMessage().to(JidCreate.from(to)).ofType(Message.Type.chat)
                .addExtension(new ChatStateExtension(state)).build();
    }

    private static ChatState stateOf(Message message) {
        assertThat(message).isNotNull();
        return ((ChatStateExtension) message.getExtension(ChatStateExtension.NAMESPACE)).getChatState();
    }

    private static void assertTyping(Reply event, String userId, boolean typing) {
        JsonObject result = event.ret().getAsJsonObject("result");
        assertThat(result.get("conversationType").getAsString()).isEqualTo("PRIVATE");
        assertThat(result.get("targetId").getAsString()).isEqualTo(userId);
        assertThat(result.get("userId").getAsString()).isEqualTo(userId);
        assertThat(result.get("typing").getAsBoolean()).isEqualTo(typing);
    }
}
