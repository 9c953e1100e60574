package org.rongdesk.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.error;
import static org.rongdesk.testing.Sends.message;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;
import static org.rongdesk.testing.Sends.sendOk;
import static org.rongdesk.testing.Sends.with;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.RawXmpp;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Replies.Reply;

/** Discussions between three real clients. */
@ExtendWith(EjabberdExtension.class)
class DiscussionsTest {
    @TempDir
    Path dir;

    @Test
    void invitedUsersSeeTheDiscussionAndItsMessagesWithoutDoingAnything(DevServer server) throws Exception {
        Clients.register(server, "carol30");
        Replies bobReceived = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice30", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob30", new Replies(), bobReceived)) {
            String id = create(alice, "Ironman, Batman 🦇 讨论", "bob30", "carol30");
            sendOk(alice::sendTextMessage, params("DISCUSSION", id, "text", "welcome"));

            JsonObject got = message(textMessage(bobReceived));
            assertThat(got.get("targetId").getAsString()).isEqualTo(id);
            assertThat(got.get("senderUserId").getAsString()).isEqualTo("alice30");
            JsonObject conversation = result(bob::getConversation, params("DISCUSSION", id)).getAsJsonObject();
            assertThat(conversation.get("conversationTitle").getAsString()).isEqualTo("Ironman, Batman 🦇 讨论");

            JsonObject info = result(bob::getDiscussion, with(new JsonObject(), "discussionId", id)).getAsJsonObject();
            assertThat(info.get("creatorId").getAsString()).isEqualTo("alice30");
            assertThat(info.get("id").getAsString()).isEqualTo(id);
            assertThat(info.get("name").getAsString()).isEqualTo("Ironman, Batman 🦇 讨论");
            assertThat(ids(info.getAsJsonArray("memberIdList"))).containsExactlyInAnyOrder("alice30", "bob30", "carol30");
            assertThat(info.get("inviteStatus").getAsString()).isEqualTo("OPENED");

            sendOk(bob::sendTextMessage, params("DISCUSSION", id, "text", "thanks"));
            Replies carolReceived = new Replies();
            try (RongCloud carol = Clients.signedIn(server, dir.resolve("c"), "carol30", new Replies(), carolReceived)) {
                List<String> texts = new ArrayList<>();
                while (texts.size() < 2) {
                    JsonObject m = message(textMessage(carolReceived));
                    texts.add(m.getAsJsonObject("content").get("text").getAsString());
                }
                assertThat(texts).as("an offline invitee gets the invitation and what was said since").containsExactly("welcome", "thanks");
                assertThat(result(carol::getConversation, params("DISCUSSION", id)).getAsJsonObject()
                        .get("conversationTitle").getAsString()).isEqualTo("Ironman, Batman 🦇 讨论");
            }
        }
    }

    @Test
    void onlyTheCreatorRemovesAndClosedInvitationsStopOthersAdding(DevServer server) throws Exception {
        Clients.register(server, "dave31");
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice31", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob31", new Replies());
             RongCloud carol = Clients.signedIn(server, dir.resolve("c"), "carol31", new Replies())) {
            String id = create(alice, "team", "bob31");
            awaitInside(bob, id);

            result(bob::addMemberToDiscussion, members(id, "carol31"));
            awaitInside(carol, id);
            assertThat(memberIds(alice, id)).containsExactlyInAnyOrder("alice31", "bob31", "carol31");

            Reply notCreator = error(bob::removeMemberFromDiscussion, with(new JsonObject(), "discussionId", id, "userId", "carol31"));
            assertThat(notCreator.code()).isEqualTo(-1);
            Reply self = error(alice::removeMemberFromDiscussion, with(new JsonObject(), "discussionId", id, "userId", "alice31"));
            assertThat(self.code()).isEqualTo(-1);

            JsonObject closed = with(new JsonObject(), "discussionId", id, "invateStatus", "CLOSED");
            assertThat(error(bob::setDiscussionInviteStatus, closed).code()).as("not the creator").isEqualTo(-1);
            result(alice::setDiscussionInviteStatus, closed);
            assertThat(result(bob::getDiscussion, with(new JsonObject(), "discussionId", id)).getAsJsonObject()
                    .get("inviteStatus").getAsString()).isEqualTo("CLOSED");
            assertThat(error(bob::addMemberToDiscussion, members(id, "dave31")).code()).isEqualTo(-1);

            result(alice::removeMemberFromDiscussion, with(new JsonObject(), "discussionId", id, "userId", "carol31"));
            assertThat(memberIds(alice, id)).containsExactlyInAnyOrder("alice31", "bob31");
            sendOk(alice::sendTextMessage, params("DISCUSSION", id, "text", "carol cannot read this"));
            assertThat(result(carol::getLatestMessages, params("DISCUSSION", id, "count", 50)).getAsJsonArray().toString())
                    .doesNotContain("carol cannot read this");

            result(bob::setDiscussionName, with(new JsonObject(), "discussionId", id, "name", "renamed 名字"));
            assertThat(result(alice::getDiscussion, with(new JsonObject(), "discussionId", id)).getAsJsonObject()
                    .get("name").getAsString()).isEqualTo("renamed 名字");
        }
    }

    @Test
    void aQuitterHearsNoMoreEvenAfterRestartingAndLeavesTheMemberList(DevServer server) throws Exception {
        Path bobDir = dir.resolve("b");
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice32", new Replies())) {
            String id;
            try (RongCloud bob = Clients.signedIn(server, bobDir, "bob32", new Replies())) {
                id = create(alice, "short-lived", "bob32");
                awaitInside(bob, id);
                result(bob::quitDiscussion, with(new JsonObject(), "discussionId", id));
            }
            awaitMembers(alice, id, "alice32");
            sendOk(alice::sendTextMessage, params("DISCUSSION", id, "text", "after bob quit"));
            Replies bobReceived = new Replies();
            try (RongCloud bob = Clients.signedIn(server, bobDir, "bob32", new Replies(), bobReceived)) {
                assertThat(bobReceived.anyWithin(Duration.ofSeconds(2))).isFalse();
                assertThat(result(bob::getConversation, params("DISCUSSION", id)).isJsonNull())
                        .as("the conversation stays until removed").isFalse();
            }
        }
    }

    /**
     * The creator's client takes a quitter off the member list only once they are out of the
     * room: revoking them while still inside removed them at once, and the leave their client
     * sends right after the notice went unanswered (quitDiscussion answered 3001 in CI). The
     * quitter here is a plain XMPP client that posts the notice and stays a while.
     */
    @Test
    void aQuitterStillInTheRoomIsNotPushedOutAndLeavesNormally(DevServer server) throws Exception {
        Replies aliceReceived = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice34", new Replies(), aliceReceived);
             RawXmpp bob = RawXmpp.signIn(server, "bob34")) {
            String id = create(alice, "stay a while", "bob34");
            MultiUserChat room = MultiUserChatManager.getInstanceFor(bob.connection())
                    .getMultiUserChat(JidCreate.entityBareFrom(id + "@discussion." + server.settings().appKey()));
            room.join(Resourcepart.from("bob34"));
            // pushed out = an unavailable presence to bob saying he was removed (321) or kicked (307)
            List<Stanza> pushedOut = new CopyOnWriteArrayList<>();
            bob.connection().addSyncStanzaListener(pushedOut::add, stanza -> stanza instanceof Presence presence
                    && presence.getType() == Presence.Type.unavailable && MUCUser.from(presence) != null
                    && (MUCUser.from(presence).getStatus().contains(MUCUser.Status.REMOVED_AFFIL_CHANGE_321)
                            || MUCUser.from(presence).getStatus().contains(MUCUser.Status.KICKED_307)));
            bob.connection().sendStanza(room.buildMessage()
                    .addExtension(StandardExtensionElement.builder("rc", "urn:xmpp:rongcloud:0")
                            .addAttribute("objectName", "RC:DizNtf")
                            .setText("{\"type\":2,\"extension\":\"\",\"operator\":\"bob34\"}").build())
                    .setBody("bob34 quit").build());
            Reply notice = aliceReceived.next();
            while (!message(notice).get("objectName").getAsString().equals("RC:DizNtf")
                    || message(notice).getAsJsonObject("content").get("type").getAsInt() != 2) {
                notice = aliceReceived.next();
            }
            // what alice's client would do with the notice, it has had time to do
            Thread.sleep(2000);
            assertThat(pushedOut).as("bob was not removed while still in the room").isEmpty();
            assertThat(memberIds(alice, id)).contains("bob34");

            room.leave();
            awaitMembers(alice, id, "alice34");
            assertThat(pushedOut).isEmpty();
        }
    }

    @Test
    void idsAreChecked(DevServer server) throws Exception {
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice33", new Replies())) {
            assertThat(error(alice::getDiscussion, new JsonObject()).msg()).isEqualTo("discussionId is missing");
            assertThat(error(alice::getDiscussion, with(new JsonObject(), "discussionId", 5)).msg())
                    .isEqualTo("discussionId must be a string, not a number");
            assertThat(error(alice::getDiscussion, with(new JsonObject(), "discussionId", "no-such-discussion")).code())
                    .isEqualTo(-10002);
            JsonObject bad = with(new JsonObject(), "name", "n");
            bad.add("userIdList", JsonParser.parseString("[\"ok\", 7]"));
            assertThat(error(alice::createDiscussion, bad).msg()).isEqualTo("userIdList[1] must be a string, not a number");
            assertThat(error(alice::createDiscussion, with(new JsonObject(), "userIdList", new JsonArray())).msg())
                    .isEqualTo("name is missing");
        }
    }

    private static String create(RongCloud creator, String name, String... members) {
        JsonArray list = new JsonArray();
        for (String member : members) {
            list.add(member);
        }
        JsonObject params = with(new JsonObject(), "name", name, "userIdList", list);
        return result(creator::createDiscussion, params).getAsJsonObject().get("discussionId").getAsString();
    }

    private static JsonObject members(String id, String... users) {
        JsonArray list = new JsonArray();
        for (String user : users) {
            list.add(user);
        }
        return with(new JsonObject(), "discussionId", id, "userIdList", list);
    }

    /** The next text message (discussion notifications are skipped). */
    private static Reply textMessage(Replies received) {
        Reply reply = received.next();
        while (!message(reply).get("objectName").getAsString().equals("RC:TxtMsg")) {
            reply = received.next();
        }
        return reply;
    }

    /** Waits until {@code client} has accepted its invitation (the discussion is listed). */
    private static void awaitInside(RongCloud client, String id) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (!result(client::getConversation, params("DISCUSSION", id)).isJsonNull()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never joined discussion " + id);
    }

    private static void awaitMembers(RongCloud client, String id, String... expected) throws InterruptedException {
        List<String> members = List.of();
        for (int i = 0; i < 100; i++) {
            members = memberIds(client, id);
            if (members.size() == expected.length && members.containsAll(List.of(expected))) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(members).containsExactlyInAnyOrder(expected);
    }

    private static List<String> memberIds(RongCloud client, String id) {
        return ids(result(client::getDiscussion, with(new JsonObject(), "discussionId", id)).getAsJsonObject()
                .getAsJsonArray("memberIdList"));
    }

    private static List<String> ids(JsonArray array) {
        List<String> ids = new ArrayList<>();
        array.forEach(element -> ids.add(element.getAsString()));
        return ids;
    }
}
