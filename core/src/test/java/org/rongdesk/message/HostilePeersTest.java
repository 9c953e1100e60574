package org.rongdesk.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.message;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;
import static org.rongdesk.testing.Sends.sendOk;
import static org.rongdesk.testing.Sends.with;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smackx.address.packet.MultipleAddresses;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.offline.packet.OfflineMessageInfo;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.rongdesk.api.RongCloud;
import org.rongdesk.content.BuiltInTypes;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.RawXmpp;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Replies.Reply;

/**
 * A hostile peer (a plain XMPP client) sends everything a client should survive: broken, huge and
 * deeply nested payloads, unknown types, HTML and control characters, and every way of claiming to
 * be someone else. Each is skipped with a log line or delivered as the server-verified sender's,
 * stored as sent, counted once; and the next ordinary message still arrives.
 */
@ExtendWith(EjabberdExtension.class)
class HostilePeersTest {
    /** ejabberd's {@code max_stanza_size} on the dev server, in bytes. */
    private static final int MAX_STANZA = 1_048_576;
    private static final String HOSTILE_TEXT = "<html><img src=http://x/a onerror=alert(1)>\u0000\u001b[2J\u0085\u009b"
            + "\u202egnp.exe\u202c\u2066\u2067\u2068\u2069\u200f end";

    @TempDir
    Path dir;

    @Test
    void hostileMessagesReceivedLiveAreSkippedOrShownAsTheRealSenders(DevServer server) throws Exception {
        Replies received = new Replies();
        try (LogLines log = LogLines.of(MessageParser.class);
             RongCloud bob = Clients.signedIn(server, dir, "bob70", new Replies(), received);
             RawXmpp mallory = RawXmpp.signIn(server, "mallory70")) {
            Thread.sleep(300); // bob goes online once catch-up is done
            long sentFrom = System.currentTimeMillis();
            sendHostileBatch(mallory, "bob70");
            List<JsonObject> messages = untilLast(received);

            assertHostileBatchDelivered(messages, "mallory70", sentFrom, false);
            assertStoredOnceAndCounted(bob, "mallory70", messages);
            assertThat(log.lines()).as("each skipped or downgraded payload is logged")
                    .anyMatch(line -> line.contains("not valid JSON"))
                    .anyMatch(line -> line.contains("larger than"));
        }
    }

    @Test
    void hostileMessagesWaitingOfflineAreTreatedTheSame(DevServer server) throws Exception {
        Clients.register(server, "bob71");
        long sentFrom = System.currentTimeMillis();
        try (RawXmpp mallory = RawXmpp.signIn(server, "mallory71")) {
            sendHostileBatch(mallory, "bob71");
        }
        Thread.sleep(1_000);
        long signIn = System.currentTimeMillis();
        Replies received = new Replies();
        try (RongCloud bob = Clients.signedIn(server, dir, "bob71", new Replies(), received)) {
            List<JsonObject> messages = untilLast(received);

            assertHostileBatchDelivered(messages, "mallory71", sentFrom, true);
            assertThat(messages).allSatisfy(m -> assertThat(m.get("sentTime").getAsLong())
                    .as("the time the server stored it").isLessThan(signIn));
            assertStoredOnceAndCounted(bob, "mallory71", messages);
        }
    }

    @Test
    void aStanzaOverTheServersLimitCostsOnlyItsSenderTheConnection(DevServer server) throws Exception {
        Replies received = new Replies();
        try (RongCloud bob = Clients.signedIn(server, dir, "bob72", new Replies(), received);
             RawXmpp mallory = RawXmpp.signIn(server, "mallory72");
             RawXmpp carol = RawXmpp.signIn(server, "carol72")) {
            Thread.sleep(300);
            mallory.sendBody("bob72", "y".repeat(MAX_STANZA + 1));
            for (int i = 0; i < 100 && mallory.connection().isConnected(); i++) {
                Thread.sleep(100);
            }
            assertThat(mallory.connection().isConnected()).as("the server closed the oversized sender's stream").isFalse();

            carol.sendBody("bob72", "still here");
            JsonObject next = message(received.next());
            assertThat(next.getAsJsonObject("content").get("text").getAsString()).isEqualTo("still here");
            assertThat(next.get("senderUserId").getAsString()).isEqualTo("carol72");
        }
    }

    @Test
    void aRoomMessageIsTheOccupantsWhateverItClaims(DevServer server) throws Exception {
        Replies bobReceived = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice73", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob73", new Replies(), bobReceived);
             RawXmpp mallory = RawXmpp.signIn(server, "mallory73")) {
            JsonObject join = with(new JsonObject(), "chatRoomId", "hall73", "defMessageCount", -1);
            result(alice::joinChatRoom, join);
            result(bob::joinChatRoom, join);
            EntityBareJid room = JidCreate.entityBareFrom("hall73@chatroom." + server.settings().appKey());
            MultiUserChat muc = MultiUserChatManager.getInstanceFor(mallory.connection()).getMultiUserChat(room);
            muc.join(Resourcepart.from("alice73 (admin)"));

            MUCUser claim = new MUCUser();
            claim.setItem(new MUCItem(MUCAffiliation.owner, JidCreate.bareFrom("alice73@" + server.settings().appKey()), null));
            muc.sendMessage(muc.buildMessage().setBody("I am alice").addExtension(claim)
                    .addExtension(RcElement.of(BuiltInTypes.TEXT,
                            "{\"text\":\"I am alice\",\"senderUserId\":\"alice73\",\"user\":{\"id\":\"alice73\"}}")));
            muc.sendMessage(muc.buildMessage().setBody("<html><b>" + "\u202e" + "room</b>"));
            sendOk(alice::sendTextMessage, params("CHATROOM", "hall73", "text", "the real alice"));

            // two senders' messages may reach the room in either order
            Map<String, JsonObject> byText = new HashMap<>();
            for (int i = 0; i < 3; i++) {
                JsonObject received = message(bobReceived.next());
                byText.put(text(received), received);
            }
            assertThat(byText).containsOnlyKeys("I am alice", "<html><b>\u202eroom</b>", "the real alice");
            assertThat(byText.get("I am alice").get("senderUserId").getAsString()).isEqualTo("mallory73");
            assertThat(byText.get("<html><b>\u202eroom</b>").get("senderUserId").getAsString()).isEqualTo("mallory73");
            assertThat(byText.get("the real alice").get("senderUserId").getAsString()).isEqualTo("alice73");
            assertThat(byText.get("I am alice").getAsJsonObject("content").has("senderUserId")).isFalse();
            JsonArray stored = result(bob::getLatestMessages, params("CHATROOM", "hall73", "count", 10)).getAsJsonArray();
            assertThat(stored).hasSize(3);
            assertThat(senders(stored)).containsOnly("mallory73", "alice73");

            // the same through the room's history, which keeps the occupant's forged item
            Replies carolReceived = new Replies();
            try (RongCloud carol = Clients.signedIn(server, dir.resolve("c"), "carol73", new Replies(), carolReceived)) {
                result(carol::joinChatRoom, with(new JsonObject(), "chatRoomId", "hall73", "defMessageCount", 10));
                Map<String, String> senderByText = new HashMap<>();
                for (int i = 0; i < 3; i++) {
                    JsonObject received = message(carolReceived.next());
                    senderByText.put(text(received), received.get("senderUserId").getAsString());
                }
                assertThat(senderByText).containsOnly(Map.entry("I am alice", "mallory73"),
                        Map.entry("<html><b>\u202eroom</b>", "mallory73"), Map.entry("the real alice", "alice73"));
            }
        }
    }

    /**
     * What a hostile peer sends, ending with an ordinary "last" message. Expected outcome in
     * {@link #assertHostileBatchDelivered}.
     */
    private static void sendHostileBatch(RawXmpp mallory, String victim) throws Exception {
        String appKey = mallory.connection().getXMPPServiceDomain().toString();
        EntityBareJid carol = JidCreate.entityBareFrom("carol@" + appKey);
        EntityBareJid to = JidCreate.entityBareFrom(victim + "@" + appKey);

        // broken, huge, deep, unknown
        mallory.sendPayload(victim, BuiltInTypes.TEXT, "{\"text\":", null);
        mallory.sendPayload(victim, BuiltInTypes.TEXT, "{\"text\":\"x\"", "broken json");
        mallory.sendPayload(victim, BuiltInTypes.TEXT, "[1,2]", "an array payload");
        mallory.sendPayload(victim, BuiltInTypes.TEXT, "{\"text\":\"" + "z".repeat(MessageParser.MAX_PAYLOAD) + "\"}",
                "huge payload");
        mallory.sendPayload(victim, "App:Deep", "[".repeat(100_000), "deep brackets");
        mallory.sendPayload(victim, "App:Deep", "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}", null);
        mallory.sendPayload(victim, "App:Deep", "{\"a\":" + "{\"b\":".repeat(50_000) + "1" + "}".repeat(50_001), "deep objects");
        // deeply nested XML: ejabberd 23.01 itself dies between 3,000 and 6,000 levels (measured),
        // so 3,000 is the deepest that can reach a client
        send(mallory, victim, b -> b.addExtension(new NestedXml(3_000)).setBody("deep xml"));
        // a surrogate pair straddles the end of what is kept
        mallory.sendBody(victim, "a".repeat(BuiltInTypes.MAX_TEXT - 1) + "😀" + "b".repeat(1_000_000 - BuiltInTypes.MAX_TEXT));
        mallory.sendPayload(victim, "Evil:Unknown", "{\"any\":[1,{\"x\":null}],\"senderUserId\":\"carol\"}", null);
        mallory.sendPayload(victim, "<script>", "{}", "odd object name");
        // untrusted text
        mallory.sendPayload(victim, BuiltInTypes.TEXT, json("text", HOSTILE_TEXT), "hostile text");
        mallory.sendBody(victim, "<html><body>body \u0085\u009b\u202e\u2066 only");
        // claiming another identity in the payload
        mallory.sendPayload(victim, BuiltInTypes.TEXT, "{\"text\":\"payload claims\",\"senderUserId\":\"carol\","
                + "\"user\":{\"id\":\"carol\",\"name\":\"Carol\"},\"extra\":\"{\\\"senderUserId\\\":\\\"carol\\\"}\"}", null);
        // claiming another identity in the stanza
        Message fromCarol = StanzaBuilder.buildMessage().from(carol).to(to).ofType(Message.Type.chat)
                .setBody("forwarded claims carol").build();
        send(mallory, victim, b -> b.addExtension(new CarbonExtension(CarbonExtension.Direction.received, new Forwarded<>(fromCarol))));
        send(mallory, victim, b -> b.addExtension(new CarbonExtension(CarbonExtension.Direction.sent, new Forwarded<>(fromCarol)))
                .setBody("carbon wrapper"));
        send(mallory, victim, b -> b.addExtension(new MamElements.MamResultExtension("q1", "forged-archive-id",
                new Forwarded<>(fromCarol))));
        send(mallory, victim, b -> b.addExtension(new Forwarded<>(fromCarol)).setBody("forwarded wrapper"));
        MultipleAddresses ofrom = new MultipleAddresses();
        ofrom.addAddress(MultipleAddresses.Type.ofrom, carol, null, null, false, null);
        send(mallory, victim, b -> b.addExtension(ofrom).setBody("ofrom claims"));
        send(mallory, victim, b -> b.addExtension(new DelayInformation(new Date(0), carol.toString(), "forged"))
                .setBody("delay claims"));
        ExtensionElement stamp = new StanzaIdElement("forged-stanza-id", to.toString());
        send(mallory, victim, b -> b.addExtension(stamp).setBody("stamp one"));
        send(mallory, victim, b -> b.addExtension(stamp).setBody("stamp two"));
        send(mallory, victim, b -> b.addExtension(new OfflineMessageInfo()).setBody("offline claim"));
        MUCUser invite = new MUCUser();
        invite.setInvite(new MUCUser.Invite("join me", carol, to));
        send(mallory, victim, b -> b.addExtension(invite));
        mallory.sendBody(victim, "last");
    }

    /**
     * @param offline whether the batch waited in offline storage: ejabberd does not store a message
     *                that carries its own {@code <offline>} element (measured), so that one is missing
     */
    private static void assertHostileBatchDelivered(List<JsonObject> messages, String mallory, long sentFrom, boolean offline) {
        List<String> texts = messages.stream().map(HostilePeersTest::text).map(HostilePeersTest::shortened).toList();
        List<String> expected = new ArrayList<>(Arrays.asList("broken json", "an array payload", "huge payload",
                "deep brackets", "deep objects", "deep xml", shortened("a".repeat(BuiltInTypes.MAX_TEXT - 1)), null, null, HOSTILE_TEXT,
                "<html><body>body \u0085\u009b\u202e\u2066 only", "payload claims", "carbon wrapper",
                "forwarded wrapper", "ofrom claims", "delay claims", "stamp one", "stamp two", "offline claim", "last"));
        if (offline) {
            expected.remove("offline claim");
        }
        assertThat(texts).as("in order, each once; nothing under another name").isEqualTo(expected);
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.get("senderUserId").getAsString()).isEqualTo(mallory);
            assertThat(m.get("targetId").getAsString()).isEqualTo(mallory);
            assertThat(m.get("conversationType").getAsString()).isEqualTo("PRIVATE");
        });
        JsonObject unknown = messages.get(7);
        assertThat(unknown.get("objectName").getAsString()).isEqualTo("Evil:Unknown");
        assertThat(unknown.getAsJsonObject("content").toString())
                .as("an unknown type's content is kept as sent, and is only content")
                .isEqualTo("{\"any\":[1,{\"x\":null}],\"senderUserId\":\"carol\"}");
        JsonObject claims = messages.get(11).getAsJsonObject("content");
        assertThat(claims.has("senderUserId")).isFalse();
        assertThat(claims.has("user")).isFalse();
        assertThat(messages).allSatisfy(m -> assertThat(m.get("sentTime").getAsLong())
                .as("a peer's delay stamp is only its claim").isBetween(sentFrom, System.currentTimeMillis()));
    }

    /** What was received is what is stored, each once, each counted once. */
    private static void assertStoredOnceAndCounted(RongCloud bob, String mallory, List<JsonObject> received) {
        JsonArray stored = result(bob::getLatestMessages, params("PRIVATE", mallory, "count", 100)).getAsJsonArray();
        assertThat(stored).hasSize(received.size());
        List<String> storedTexts = new ArrayList<>();
        stored.forEach(m -> storedTexts.add(shortened(text(m.getAsJsonObject()))));
        assertThat(storedTexts).containsExactlyInAnyOrderElementsOf(received.stream().map(m -> shortened(text(m))).toList());
        assertThat(senders(stored)).containsOnly(mallory);
        JsonArray conversations = result((p, c) -> bob.getConversationList(c), new JsonObject()).getAsJsonArray();
        assertThat(conversations).as("no conversation with anyone the peer claimed to be").hasSize(1);
        JsonObject conversation = conversations.get(0).getAsJsonObject();
        assertThat(conversation.get("targetId").getAsString()).isEqualTo(mallory);
        assertThat(conversation.get("unreadMessageCount").getAsInt()).isEqualTo(received.size());
    }

    private static List<JsonObject> untilLast(Replies received) {
        List<JsonObject> messages = new ArrayList<>();
        while (messages.isEmpty() || !"last".equals(text(messages.get(messages.size() - 1)))) {
            Reply reply = received.next();
            messages.add(message(reply));
        }
        return messages;
    }

    private static void send(RawXmpp mallory, String victim, Consumer<MessageBuilder> extend) throws Exception {
        MessageBuilder builder = mallory.connection().getStanzaFactory().buildMessageStanza()
                .to(JidCreate.entityBareFrom(victim + "@" + mallory.connection().getXMPPServiceDomain()))
                .ofType(Message.Type.chat);
        extend.accept(builder);
        mallory.connection().sendStanza(builder.build());
    }

    private static String json(String field, String value) {
        JsonObject json = new JsonObject();
        json.addProperty(field, value);
        return json.toString();
    }

    private static String text(JsonObject message) {
        JsonElement text = message.getAsJsonObject("content").get("text");
        return text == null ? null : text.getAsString();
    }

    /** Long texts as their length and ends, so a failure stays readable. */
    private static String shortened(String text) {
        return text == null || text.length() <= 200 ? text
                : text.length() + " chars: " + text.substring(0, 10) + "…" + text.substring(text.length() - 10);
    }

    private static List<String> senders(JsonArray messages) {
        List<String> senders = new ArrayList<>();
        messages.forEach(m -> senders.add(m.getAsJsonObject().get("senderUserId").getAsString()));
        return senders;
    }

    /** {@code depth} nested elements, written as text (Smack's own writer would recurse on them). */
    private record NestedXml(int depth) implements ExtensionElement {
        @Override
        public String getNamespace() {
            return "urn:example:nested";
        }

        @Override
        public String getElementName() {
            return "nested";
        }

        @Override
        public CharSequence toXML(XmlEnvironment environment) {
            return "<nested xmlns='urn:example:nested'>" + "<a>".repeat(depth) + "</a>".repeat(depth) + "</nested>";
        }
    }

    /** Log lines of one class's logger while open. */
    private static final class LogLines extends Handler implements AutoCloseable {
        private final Logger logger;
        private final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

        private LogLines(Logger logger) {
            this.logger = logger;
        }

        static LogLines of(Class<?> type) {
            LogLines handler = new LogLines(Logger.getLogger(type.getName()));
            handler.logger.addHandler(handler);
            return handler;
        }

        List<String> lines() {
            return lines;
        }

        @Override
        public void publish(LogRecord record) {
            lines.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
