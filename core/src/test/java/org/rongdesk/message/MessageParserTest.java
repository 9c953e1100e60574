package org.rongdesk.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Optional;
import java.util.Set;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.rongdesk.content.ContentTypes;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.MessageDirection;

/** Reading stanzas: who sent them, which conversation, what content; hostile input included. */
class MessageParserTest {
    private static final BareJid ALICE = JidCreate.bareFromOrThrowUnchecked("alice@demo.local");
    private final MessageParser parser = new MessageParser(new Addresses("demo.local", Set.of("kefu")),
            ContentTypes.withBuiltIns(), ALICE, occupant -> Optional.empty());

    @Test
    void theBareDomainIsTheSystemAndConfiguredIdsAreCustomerService() {
        ParsedMessage system = parse(chat("demo.local").setBody("maintenance at 22:00"));
        assertThat(system.conversation().type()).isEqualTo(ConversationType.SYSTEM);
        assertThat(system.conversation().targetId()).isEqualTo("demo.local");

        assertThat(parse(chat("kefu@demo.local/x").setBody("how can I help")).conversation().type())
                .isEqualTo(ConversationType.CUSTOMER_SERVICE);
        assertThat(parser.parse(chat("eve@elsewhere.example/x").setBody("spam").build(), Route.LIVE, null, null)).isEmpty();
    }

    @Test
    void theSenderIsTheServersFromNeverThePayloadsAndUntrustedTextStaysText() {
        ParsedMessage forged = parse(chat("mallory@demo.local/x").setBody("<html><b>hi</b>")
                .addExtension(RcElement.of("RC:TxtMsg", "{\"text\":\"<html><b>hi</b>\\u202e\\u0007\",\"senderUserId\":\"admin\","
                        + "\"extra\":\"\"}")));
        assertThat(forged.senderUserId()).isEqualTo("mallory");
        assertThat(forged.content().has("senderUserId")).isFalse();
        assertThat(forged.content().get("text").getAsString()).isEqualTo("<html><b>hi</b>\u202e\u0007");
    }

    @Test
    void oversizedOrDeeplyNestedPayloadsFallBackToTheBody() {
        String huge = "{\"text\":\"" + "x".repeat(MessageParser.MAX_PAYLOAD) + "\"}";
        assertThat(parse(chat("bob@demo.local/x").setBody("short").addExtension(RcElement.of("RC:TxtMsg", huge)))
                .content().get("text").getAsString()).isEqualTo("short");
        String deepest = "{\"a\":" + "[".repeat(MessageParser.MAX_DEPTH - 1) + "]".repeat(MessageParser.MAX_DEPTH - 1) + "}";
        assertThat(parse(chat("bob@demo.local/x").setBody("ok").addExtension(RcElement.of("App:Deep", deepest))).objectName())
                .as("as deep as allowed").isEqualTo("App:Deep");
        String tooDeep = "{\"a\":" + "[".repeat(MessageParser.MAX_DEPTH) + "]".repeat(MessageParser.MAX_DEPTH) + "}";
        assertThat(parse(chat("bob@demo.local/x").setBody("too deep").addExtension(RcElement.of("App:Deep", tooDeep)))
                .objectName()).isEqualTo("RC:TxtMsg");
        String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertThat(parse(chat("bob@demo.local/x").setBody("deep").addExtension(RcElement.of("App:Deep", deep)))
                .objectName()).isEqualTo("RC:TxtMsg");
    }

    @Test
    void aRoomMessagesSenderIsTheOccupantsRealAddress() {
        MUCUser user = new MUCUser();
        user.setItem(new MUCItem(MUCAffiliation.member, JidCreate.bareFromOrThrowUnchecked("bob@demo.local"), null));
        ParsedMessage archived = parser.parse(groupchat("g1@group.demo.local/admin").setBody("hi all").addExtension(user).build(),
                Route.ARCHIVE, new Date(), "a-1").orElseThrow();
        assertThat(archived.conversation().type()).isEqualTo(ConversationType.GROUP);
        assertThat(archived.conversation().targetId()).isEqualTo("g1");
        assertThat(archived.senderUserId()).as("not the nickname").isEqualTo("bob");

        assertThat(parser.parse(groupchat("g1@group.demo.local/admin").setBody("who?").build(), Route.LIVE, null, null))
                .as("a room message whose real sender is unknown").isEmpty();
        assertThat(parser.parse(groupchat("g1@group.demo.local/admin").setBody("I am bob").addExtension(user).build(),
                Route.LIVE, null, null)).as("an occupant item in a live message is the occupant's own claim").isEmpty();

        MUCUser me = new MUCUser();
        me.setItem(new MUCItem(MUCAffiliation.owner, ALICE, null));
        assertThat(parser.parse(groupchat("d1@discussion.demo.local/alice").setBody("mine").addExtension(me).build(),
                Route.ARCHIVE, new Date(), "a-2").orElseThrow().direction())
                .isEqualTo(MessageDirection.SEND);
    }

    @Test
    void identityComesFromTheOriginIdElseTheArchiveOwnersStanzaId() {
        Message withOrigin = chat("bob@demo.local/x").setBody("a").addExtension(new OriginIdElement("o-1")).build();
        assertThat(MessageParser.uid(withOrigin, JidCreate.bareFromOrThrowUnchecked("bob@demo.local"), ALICE, null))
                .isEqualTo("o:bob@demo.local/o-1");
        Message stamped = chat("bob@demo.local/x").setBody("b").addExtension(new StanzaIdElement("s-9", "alice@demo.local")).build();
        assertThat(MessageParser.uid(stamped, null, ALICE, null)).isEqualTo("s:alice@demo.local/s-9");
        Message foreignStamp = chat("bob@demo.local/x").setBody("c").addExtension(new StanzaIdElement("s-1", "bob@demo.local")).build();
        assertThat(MessageParser.uid(foreignStamp, null, ALICE, null)).as("a stamp by someone else proves nothing").isNull();
        assertThat(MessageParser.uid(foreignStamp, null, ALICE, "a-7")).isEqualTo("s:alice@demo.local/a-7");
    }

    private ParsedMessage parse(MessageBuilder builder) {
        return parser.parse(builder.build(), Route.LIVE, null, null).orElseThrow();
    }

    private static MessageBuilder chat(String from) {
        return StanzaBuilder.buildMessage().from(JidCreate.fromOrThrowUnchecked(from)).to(ALICE).ofType(Message.Type.chat);
    }

    private static MessageBuilder groupchat(String from) {
        return StanzaBuilder.buildMessage().from(JidCreate.fromOrThrowUnchecked(from)).to(ALICE).ofType(Message.Type.groupchat);
    }
}
