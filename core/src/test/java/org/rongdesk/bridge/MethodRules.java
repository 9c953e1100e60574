package org.rongdesk.bridge;

import static org.rongdesk.bridge.ParamRule.Kind.CONTENT;
import static org.rongdesk.bridge.ParamRule.Kind.CONVERSATION_TYPE;
import static org.rongdesk.bridge.ParamRule.Kind.CONVERSATION_TYPES;
import static org.rongdesk.bridge.ParamRule.Kind.FILE;
import static org.rongdesk.bridge.ParamRule.Kind.GROUPS;
import static org.rongdesk.bridge.ParamRule.Kind.MESSAGE_ID;
import static org.rongdesk.bridge.ParamRule.Kind.MESSAGE_IDS;
import static org.rongdesk.bridge.ParamRule.Kind.TOKEN;
import static org.rongdesk.bridge.ParamRule.Kind.URL;
import static org.rongdesk.bridge.ParamRule.Kind.USER_IDS;
import static org.rongdesk.bridge.ParamRule.Kind.BOOLEAN;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The valid params of every spec method that takes params, and of Rong Desk's additions, as
 * {@link ParamRule}s: the spec's parameter tables plus the limits core/README.md states.
 */
final class MethodRules {
    /** The peer the valid calls address. */
    static final String PEER = "fuzzbob";
    /** A discussion that does not exist. */
    static final String NO_DISCUSSION = "fuzz-no-such-discussion";
    /** Methods that only read: called with valid params plus unknown fields, they must succeed. */
    static final Set<String> READS = Set.of("getConversation", "getConversationNotificationStatus", "getLatestMessages",
            "getHistoryMessages", "getHistoryMessagesByObjectName", "getUnreadCount", "getUnreadCountByConversationTypes",
            "getTextMessageDraft", "searchMessages", "getUserInfo");

    private MethodRules() {
    }

    /** Rules by method name, in a stable order. */
    static Map<String, List<ParamRule>> all(FuzzFixture fixture) {
        Map<String, List<ParamRule>> rules = new LinkedHashMap<>();
        rules.put("connect", List.of(ParamRule.of("token", TOKEN, true, new JsonPrimitive("unused"))));
        rules.put("disconnect", List.of(ParamRule.of("isReceivePush", BOOLEAN, false, new JsonPrimitive(true))));

        rules.put("sendTextMessage", send(ParamRule.text("text", true, "hello", 65_536), extra()));
        rules.put("sendImageMessage", send(ParamRule.of("imagePath", FILE, true, new JsonPrimitive(FuzzFixture.goodImage())),
                extra()));
        rules.put("sendVoiceMessage", send(ParamRule.of("voicePath", FILE, true, new JsonPrimitive(FuzzFixture.goodVoice())),
                optionalNumber("duration", 3, 0, 3600), extra()));
        rules.put("sendLocationMessage", send(ParamRule.number("latitude", 39.9, -90, 90),
                ParamRule.number("longitude", 116.4, -180, 180), ParamRule.text("poi", false, "here", 1024).emptyAllowed(),
                ParamRule.of("imagePath", FILE, false, new JsonPrimitive(FuzzFixture.goodImage())), extra()));
        rules.put("sendRichContentMessage", send(ParamRule.text("title", true, "title", 1024),
                ParamRule.text("description", false, "about", 8192).emptyAllowed(),
                ParamRule.of("imageUrl", URL, false, new JsonPrimitive("https://example.com/a.png")),
                ParamRule.of("url", URL, false, new JsonPrimitive("https://example.com/")), extra()));
        rules.put("sendCommandNotificationMessage", send(ParamRule.text("name", true, "ping", 256),
                ParamRule.text("data", false, "{}", 65_536).emptyAllowed()));
        JsonObject text = new JsonObject();
        text.addProperty("text", "hello");
        rules.put("sendMessage", send(ParamRule.text("objectName", true, "RC:TxtMsg", 64)
                        .alsoBad("an unknown type", new JsonPrimitive("RC:NoSuchMsg"))
                        .alsoBad("a type that carries a file", new JsonPrimitive("RC:ImgMsg")),
                ParamRule.of("content", CONTENT, true, text)));
        rules.put("resendMessage", List.of(messageId(fixture)
                .alsoBad("a message that did not fail", new JsonPrimitive(fixture.knownMessageId()))));
        rules.put("downloadMediaMessage", List.of(messageId(fixture)
                .alsoBad("a text message", new JsonPrimitive(fixture.knownMessageId()))));

        for (String method : List.of("getConversation", "removeConversation", "getConversationNotificationStatus",
                "clearMessages", "getUnreadCount", "clearMessagesUnreadStatus", "getTextMessageDraft", "clearTextMessageDraft")) {
            rules.put(method, conversation());
        }
        rules.put("clearConversations", List.of(types()));
        rules.put("getUnreadCountByConversationTypes", List.of(types()));
        rules.put("setConversationToTop", conversation(ParamRule.of("isTop", BOOLEAN, true, new JsonPrimitive(true))));
        rules.put("setConversationNotificationStatus", conversation(
                ParamRule.oneOf("notificationStatus", "NOTIFY", "DO_NOT_DISTURB", "NOTIFY")));
        rules.put("getLatestMessages", conversation(count()));
        rules.put("getHistoryMessages", conversation(oldest(), count()));
        rules.put("getHistoryMessagesByObjectName", conversation(ParamRule.text("objectName", true, "RC:TxtMsg", 64),
                oldest(), count()));
        rules.put("deleteMessages", List.of(ParamRule.of("messageIds", MESSAGE_IDS, true,
                ParamRule.array(new JsonPrimitive(fixture.knownMessageId())))));
        rules.put("setMessageReceivedStatus", List.of(messageId(fixture), ParamRule.whole("receivedStatus", true, 1, 0, 7)));
        rules.put("setMessageExtra", List.of(messageId(fixture), ParamRule.text("value", true, "x", 1024).emptyAllowed()
                .alsoBad("1026 UTF-8 bytes in 342 characters", new JsonPrimitive("\u20ac".repeat(342)))));
        rules.put("searchMessages", List.of(ParamRule.text("keyword", true, "lunch", 256),
                ParamRule.whole("count", false, 20, 1, 200), ParamRule.whole("beginTime", false, 0, 0, Long.MAX_VALUE)));
        rules.put("sendTypingStatus", conversation());
        rules.put("sendReadReceiptMessage", conversation());
        rules.put("recallMessage", List.of(messageId(fixture)));
        rules.put("editMessage", List.of(messageId(fixture), ParamRule.text("text", true, "corrected", 65_536)));
        rules.put("setUserInfo", List.of(ParamRule.text("name", true, "Fuzz Bob", 64),
                ParamRule.of("portraitPath", FILE, false, new JsonPrimitive(FuzzFixture.goodImage())).emptyAllowed()));
        for (String method : List.of("getUserInfo", "addContact", "removeContact")) {
            rules.put(method, List.of(ParamRule.id("userId", PEER)));
        }
        rules.put("saveTextMessageDraft", conversation(ParamRule.text("content", true, "draft", 65_536).emptyAllowed()));

        rules.put("createDiscussion", List.of(ParamRule.text("name", true, "fuzz", 256), userIds()));
        rules.put("getDiscussion", List.of(discussionId()));
        rules.put("setDiscussionName", List.of(discussionId(), ParamRule.text("name", true, "renamed", 256)));
        rules.put("addMemberToDiscussion", List.of(discussionId(), userIds()));
        rules.put("removeMemberFromDiscussion", List.of(discussionId(), ParamRule.id("userId", PEER)));
        rules.put("quitDiscussion", List.of(ParamRule.id("discussionId", NO_DISCUSSION)));
        rules.put("setDiscussionInviteStatus", List.of(discussionId(),
                ParamRule.oneOf("inviteStatus", "OPENED", "OPENED", "CLOSED")));
        JsonObject group = new JsonObject();
        group.addProperty("groupId", "fuzz-g1");
        group.addProperty("groupName", "G");
        rules.put("syncGroup", List.of(ParamRule.of("groups", GROUPS, true, ParamRule.array(group))));
        rules.put("joinGroup", List.of(ParamRule.id("groupId", "fuzz-g1"), ParamRule.text("groupName", true, "G", 256)));
        rules.put("quitGroup", List.of(ParamRule.id("groupId", "fuzz-g1")));
        rules.put("joinChatRoom", List.of(ParamRule.id("chatRoomId", "fuzz-c1"),
                ParamRule.whole("defMessageCount", false, 5, -1, 50)));
        rules.put("quitChatRoom", List.of(ParamRule.id("chatRoomId", "fuzz-c1")));
        rules.put("answerPluginQuestion", List.of(ParamRule.text("questionId", true, "q1", -1)
                        .alsoBad("a question nobody asked", new JsonPrimitive("fuzz-no-such-question")),
                ParamRule.text("choice", true, "yes", -1)));
        return rules;
    }

    /** The valid params of a method: every rule's valid value. */
    static JsonObject valid(List<ParamRule> rules) {
        JsonObject params = new JsonObject();
        rules.forEach(rule -> params.add(rule.field, rule.valid.deepCopy()));
        return params;
    }

    private static List<ParamRule> send(ParamRule... more) {
        List<ParamRule> rules = new ArrayList<>();
        rules.add(ParamRule.of("conversationType", CONVERSATION_TYPE, true, new JsonPrimitive("PRIVATE"))
                .alsoBad("SYSTEM (receive-only)", new JsonPrimitive("SYSTEM")));
        rules.add(ParamRule.id("targetId", PEER));
        rules.addAll(List.of(more));
        return rules;
    }

    private static List<ParamRule> conversation(ParamRule... more) {
        List<ParamRule> rules = new ArrayList<>();
        rules.add(ParamRule.of("conversationType", CONVERSATION_TYPE, true, new JsonPrimitive("PRIVATE")));
        rules.add(ParamRule.id("targetId", PEER));
        rules.addAll(List.of(more));
        return rules;
    }

    private static ParamRule extra() {
        return ParamRule.text("extra", false, "extra", 65_536).emptyAllowed();
    }

    private static ParamRule optionalNumber(String field, double valid, double min, double max) {
        return ParamRule.of(field, ParamRule.Kind.NUMBER, false, new JsonPrimitive(valid)).range(min, max);
    }

    private static ParamRule types() {
        return ParamRule.of("conversationTypes", CONVERSATION_TYPES, true, ParamRule.array(new JsonPrimitive("PRIVATE")));
    }

    private static ParamRule count() {
        return ParamRule.whole("count", true, 20, 1, 1000);
    }

    private static ParamRule oldest() {
        return ParamRule.whole("oldestMessageId", true, -1, -1, Long.MAX_VALUE).alsoBad("0", new JsonPrimitive(0));
    }

    private static ParamRule messageId(FuzzFixture fixture) {
        return ParamRule.of("messageId", MESSAGE_ID, true, new JsonPrimitive(fixture.knownMessageId())).range(1, Long.MAX_VALUE)
                .alsoBad("an unknown message", new JsonPrimitive(fixture.unknownMessageId()));
    }

    private static ParamRule userIds() {
        return ParamRule.of("userIdList", USER_IDS, true, ParamRule.array(new JsonPrimitive(PEER)));
    }

    private static ParamRule discussionId() {
        return ParamRule.id("discussionId", NO_DISCUSSION).alsoBad("a discussion that does not exist",
                new JsonPrimitive(NO_DISCUSSION), -10002, -1);
    }
}
