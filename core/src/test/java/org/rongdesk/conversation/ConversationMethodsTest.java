package org.rongdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.error;
import static org.rongdesk.testing.Sends.ids;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;
import static org.rongdesk.testing.Sends.sendOk;
import static org.rongdesk.testing.Sends.with;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;

/** Conversation, history, unread, status and draft methods through the facade, filled by real messages. */
@ExtendWith(EjabberdExtension.class)
class ConversationMethodsTest {
    @TempDir
    Path dir;

    @Test
    void unreadCountsPerConversationByTypeAndInTotal(DevServer server) throws Exception {
        Replies received = new Replies();
        try (RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "bob11", new Replies(), received);
             RongCloud alice = Clients.signedIn(server, dir.resolve("alice"), "alice11", new Replies());
             RongCloud carol = Clients.signedIn(server, dir.resolve("carol"), "carol11", new Replies())) {
            for (int i = 0; i < 3; i++) {
                sendOk(alice::sendTextMessage, params("PRIVATE", "bob11", "text", "a" + i));
            }
            sendOk(carol::sendTextMessage, params("PRIVATE", "bob11", "text", "c"));
            sendOk(carol::sendCommandNotificationMessage, params("PRIVATE", "bob11", "name", "ping"));
            for (int i = 0; i < 5; i++) {
                received.next();
            }

            assertThat(result(bob::getUnreadCount, params("PRIVATE", "alice11")).getAsInt()).isEqualTo(3);
            assertThat(result(bob::getUnreadCount, params("PRIVATE", "carol11")).getAsInt()).isEqualTo(1);
            assertThat(total(bob)).isEqualTo(4);
            assertThat(result(bob::getUnreadCountByConversationTypes, types("PRIVATE", "GROUP")).getAsInt()).isEqualTo(4);
            assertThat(result(bob::getUnreadCountByConversationTypes, types("GROUP")).getAsInt()).isZero();

            long first = ids(result(bob::getLatestMessages, params("PRIVATE", "alice11", "count", 3)))[2];
            JsonObject read = new JsonObject();
            read.addProperty("messageId", Long.toString(first));
            read.addProperty("receivedStatus", 1);
            assertThat(result(bob::setMessageReceivedStatus, read)).isNull();
            assertThat(result(bob::getUnreadCount, params("PRIVATE", "alice11")).getAsInt()).isEqualTo(2);

            result(bob::clearMessagesUnreadStatus, params("PRIVATE", "alice11"));
            assertThat(result(bob::getUnreadCount, params("PRIVATE", "alice11")).getAsInt()).isZero();
            assertThat(total(bob)).isEqualTo(1);
            JsonObject conversation = result(bob::getConversation, params("PRIVATE", "alice11")).getAsJsonObject();
            assertThat(conversation.get("unreadMessageCount").getAsInt()).isZero();
            assertThat(conversation.get("recievedStatus").getAsInt() & 1).as("spelled as the spec spells it").isEqualTo(1);
        }
    }

    @Test
    void pinnedDraftsMutedRemovedAndClearedConversations(DevServer server) throws Exception {
        Clients.register(server, "p12", "q12", "r12");
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("alice"), "alice12", new Replies())) {
            for (String friend : List.of("p12", "q12", "r12")) {
                sendOk(alice::sendTextMessage, params("PRIVATE", friend, "text", "hi " + friend));
            }
            assertThat(targets(alice)).containsExactly("r12", "q12", "p12");

            result(alice::setConversationToTop, params("PRIVATE", "p12", "isTop", true));
            assertThat(targets(alice)).containsExactly("p12", "r12", "q12");
            assertThat(list(alice).get(0).getAsJsonObject().get("isTop").getAsBoolean()).isTrue();
            JsonArray firstTwo = result((p, callback) -> alice.getConversationListRange(0, 2, callback), null).getAsJsonArray();
            assertThat(firstTwo).as("the head of the list, in its order").containsExactly(list(alice).get(0), list(alice).get(1));
            JsonArray rest = result((p, callback) -> alice.getConversationListRange(2, 5, callback), null).getAsJsonArray();
            assertThat(rest).as("the rest, as far as it goes").containsExactly(list(alice).get(2));
            assertThat(error((p, callback) -> alice.getConversationListRange(0, 0, callback), null).msg()).contains("count");
            assertThat(error((p, callback) -> alice.getConversationListRange(-1, 2, callback), null).msg()).contains("offset");

            result(alice::saveTextMessageDraft, params("PRIVATE", "q12", "content", "unfinished 句子"));
            assertThat(result(alice::getTextMessageDraft, params("PRIVATE", "q12")).getAsString()).isEqualTo("unfinished 句子");
            assertThat(conversation(alice, "q12").get("draft").getAsString()).isEqualTo("unfinished 句子");
            result(alice::clearTextMessageDraft, params("PRIVATE", "q12"));
            assertThat(result(alice::getTextMessageDraft, params("PRIVATE", "q12")).getAsString()).isEmpty();
            result(alice::saveTextMessageDraft, params("PRIVATE", "new12", "content", "to someone new"));
            assertThat(targets(alice)).as("a draft lists its conversation").contains("new12");

            JsonElement muted = result(alice::setConversationNotificationStatus, params("PRIVATE", "r12",
                    "notificationStatus", "DO_NOT_DISTURB"));
            assertThat(muted.toString()).isEqualTo("{\"code\":0,\"notificationStatus\":\"DO_NOT_DISTURB\"}");
            assertThat(result(alice::getConversationNotificationStatus, params("PRIVATE", "r12")).toString())
                    .isEqualTo("{\"code\":0,\"notificationStatus\":\"DO_NOT_DISTURB\"}");
            assertThat(result(alice::getConversationNotificationStatus, params("PRIVATE", "nobody")).getAsJsonObject()
                    .get("code").getAsInt()).isEqualTo(1);

            result(alice::removeConversation, params("PRIVATE", "q12"));
            assertThat(targets(alice)).doesNotContain("q12");
            assertThat(result(alice::getLatestMessages, params("PRIVATE", "q12", "count", 5)).getAsJsonArray())
                    .as("removing keeps the messages").hasSize(1);

            assertThat(result(alice::getConversation, params("PRIVATE", "never12")).isJsonNull()).isTrue();

            JsonObject clear = new JsonObject();
            clear.add("clearConversations", JsonParser.parseString("[\"PRIVATE\"]"));
            result(alice::clearConversations, clear);
            assertThat(list(alice)).isEmpty();
            assertThat(result(alice::getLatestMessages, params("PRIVATE", "p12", "count", 5)).getAsJsonArray()).isEmpty();
        }
    }

    @Test
    void historyPagesDeletesClearsAndExtras(DevServer server) throws Exception {
        Clients.register(server, "bob13");
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("alice"), "alice13", new Replies())) {
            List<Long> sent = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                sent.add(0, sendOk(alice::sendTextMessage, params("PRIVATE", "bob13", "text", "m" + i)));
            }
            sendOk(alice::sendCommandNotificationMessage, params("PRIVATE", "bob13", "name", "n"));
            long[] latest = ids(result(alice::getLatestMessages, params("PRIVATE", "bob13", "count", 10)));
            assertThat(latest).hasSize(10);
            long[] page1 = ids(result(alice::getHistoryMessagesByObjectName, params("PRIVATE", "bob13",
                    "objectName", "RC:TxtMsg", "oldestMessageId", -1, "count", 20)));
            long[] page2 = ids(result(alice::getHistoryMessages, params("PRIVATE", "bob13",
                    "oldestMessageId", page1[19], "count", 20)));
            List<Long> paged = new ArrayList<>();
            for (long id : page1) {
                paged.add(id);
            }
            for (long id : page2) {
                paged.add(id);
            }
            assertThat(paged).isEqualTo(sent);

            JsonObject delete = new JsonObject();
            delete.add("messageIds", JsonParser.parseString("[" + sent.get(0) + ", " + sent.get(1) + "]"));
            result(alice::deleteMessages, delete);
            assertThat(ids(result(alice::getHistoryMessagesByObjectName, params("PRIVATE", "bob13",
                    "objectName", "RC:TxtMsg", "oldestMessageId", -1, "count", 1)))).containsExactly(sent.get(2));
            delete.add("messageIds", JsonParser.parseString("[" + sent.get(2) + ", 999999]"));
            assertThat(error(alice::deleteMessages, delete).msg()).isEqualTo("messageIds[1]: there is no message 999999");
            assertThat(result(alice::getLatestMessages, params("PRIVATE", "bob13", "count", 100)).getAsJsonArray())
                    .as("a refused delete deletes nothing").hasSize(24);

            JsonObject extra = new JsonObject();
            extra.addProperty("messageId", sent.get(2));
            extra.addProperty("value", "x".repeat(1024));
            result(alice::setMessageExtra, extra);
            extra.addProperty("value", "é".repeat(513));
            assertThat(error(alice::setMessageExtra, extra).msg()).isEqualTo("value is 1026 bytes; at most 1024 are allowed");
            JsonObject withExtra = result(alice::getLatestMessages, params("PRIVATE", "bob13", "count", 2))
                    .getAsJsonArray().get(1).getAsJsonObject();
            assertThat(withExtra.get("extra").getAsString()).hasSize(1024);

            result(alice::clearMessages, params("PRIVATE", "bob13"));
            assertThat(result(alice::getLatestMessages, params("PRIVATE", "bob13", "count", 100)).getAsJsonArray()).isEmpty();
            assertThat(conversation(alice, "bob13").get("latestMessageId").getAsLong()).isEqualTo(-1);
        }
    }

    @Test
    void badParamsNameTheField(DevServer server) throws Exception {
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("alice"), "alice14", new Replies())) {
            assertThat(error(alice::getLatestMessages, params("PRIVATE", "b", "count", 0)).msg())
                    .isEqualTo("count must be between 1 and 1000, not 0");
            assertThat(error(alice::getLatestMessages, params("PRIVATE", "b", "count", 2.5)).msg())
                    .isEqualTo("count must be a whole number, not 2.5");
            assertThat(error(alice::getHistoryMessages, params("PRIVATE", "b", "count", 5, "oldestMessageId", "abc")).msg())
                    .isEqualTo("oldestMessageId must be a whole number, not 'abc'");
            assertThat(error(alice::setConversationToTop, params("PRIVATE", "b", "isTop", "yes")).msg())
                    .isEqualTo("isTop must be true or false, not a string");
            assertThat(error(alice::setConversationNotificationStatus, params("PRIVATE", "b", "notificationStatus", "LOUD")).msg())
                    .isEqualTo("notificationStatus must be DO_NOT_DISTURB or NOTIFY, not 'LOUD'");
            assertThat(error(alice::getUnreadCountByConversationTypes, types("PRIVATE", "NOPE")).msg())
                    .startsWith("conversationTypes[1] must be one of");
            JsonObject status = new JsonObject();
            status.addProperty("messageId", 1);
            status.addProperty("receivedStatus", 8);
            assertThat(error(alice::setMessageReceivedStatus, status).msg()).isEqualTo("receivedStatus must be between 0 and 7, not 8");
            assertThat(error(alice::saveTextMessageDraft, params("PRIVATE", "b")).msg()).isEqualTo("content is missing");
        }
    }

    @Test
    void beforeConnectTheMethodsAnswerMinus10001AndAfterARestartEverythingIsThere(DevServer server) throws Exception {
        Path aliceDir = dir.resolve("alice");
        try (RongCloud fresh = Clients.forServer(server, aliceDir)) {
            Replies replies = new Replies();
            fresh.init(replies);
            replies.next();
            fresh.getConversationList(replies);
            assertThat(replies.next().code()).isEqualTo(-10001);
            fresh.sendTextMessage(params("PRIVATE", "b", "text", "t"), replies);
            assertThat(replies.next().code()).isEqualTo(-10001);
        }
        long id;
        Clients.register(server, "bob15");
        try (RongCloud alice = Clients.signedIn(server, aliceDir, "alice15", new Replies())) {
            id = sendOk(alice::sendTextMessage, params("PRIVATE", "bob15", "text", "before the restart"));
            result(alice::saveTextMessageDraft, params("PRIVATE", "bob15", "content", "draft kept"));
        }
        try (RongCloud again = Clients.signedIn(server, aliceDir, "alice15", new Replies())) {
            JsonObject message = result(again::getLatestMessages, params("PRIVATE", "bob15", "count", 1))
                    .getAsJsonArray().get(0).getAsJsonObject();
            assertThat(message.get("messageId").getAsLong()).isEqualTo(id);
            assertThat(message.get("sentStatus").getAsString()).isEqualTo("SENT");
            assertThat(result(again::getTextMessageDraft, params("PRIVATE", "bob15")).getAsString()).isEqualTo("draft kept");
        }
        try (RongCloud otherUser = Clients.signedIn(server, aliceDir, "mallory15", new Replies())) {
            assertThat(list(otherUser)).as("another user on the same machine sees none of it").isEmpty();
        }
    }

    private static JsonObject types(String... names) {
        JsonArray array = new JsonArray();
        for (String name : names) {
            array.add(name);
        }
        return with(new JsonObject(), "conversationTypes", array);
    }

    private static int total(RongCloud client) {
        return result((params, callback) -> client.getTotalUnreadCount(callback), null).getAsInt();
    }

    private static JsonArray list(RongCloud client) {
        return result((params, callback) -> client.getConversationList(callback), null).getAsJsonArray();
    }

    private static List<String> targets(RongCloud client) {
        List<String> targets = new ArrayList<>();
        list(client).forEach(c -> targets.add(c.getAsJsonObject().get("targetId").getAsString()));
        return targets;
    }

    private static JsonObject conversation(RongCloud client, String target) {
        return result(client::getConversation, params("PRIVATE", target)).getAsJsonObject();
    }

}
