package org.rongdesk.bridge;

import java.util.Set;

/** Every method name of the rongCloud API spec (the bridge serves them all), and which of them are listeners. */
final class SpecMethods {
    static final Set<String> ALL = Set.of(
            "init", "connect", "reconnect", "disconnect", "setConnectionStatusListener",
            "sendTextMessage", "sendImageMessage", "sendVoiceMessage", "sendLocationMessage",
            "sendRichContentMessage", "sendCommandNotificationMessage", "setOnReceiveMessageListener",
            "getConversationList", "getConversation", "removeConversation", "clearConversations",
            "setConversationToTop", "getConversationNotificationStatus", "setConversationNotificationStatus",
            "getLatestMessages", "getHistoryMessages", "getHistoryMessagesByObjectName", "deleteMessages",
            "clearMessages", "getTotalUnreadCount", "getUnreadCount", "getUnreadCountByConversationTypes",
            "setMessageReceivedStatus", "clearMessagesUnreadStatus", "setMessageExtra",
            "getTextMessageDraft", "saveTextMessageDraft", "clearTextMessageDraft",
            "createDiscussion", "getDiscussion", "setDiscussionName", "addMemberToDiscussion",
            "removeMemberFromDiscussion", "quitDiscussion", "setDiscussionInviteStatus",
            "syncGroup", "joinGroup", "quitGroup", "joinChatRoom", "quitChatRoom");

    /** Methods whose callback fires for every event, for as long as the bridge runs. */
    static final Set<String> LISTENERS = Set.of("setConnectionStatusListener", "setOnReceiveMessageListener",
            "setPluginEventListener", "setTypingStatusListener",
            "setReadReceiptListener", "setOnRecallMessageListener", "setOnMessageEditedListener",
            "setUserInfoListener", "setPresenceListener");

    /** Rong Desk's additions to the spec. */
    static final Set<String> ADDITIONS = Set.of("resendMessage", "downloadMediaMessage", "sendMessage", "getPlugins",
            "setPluginEventListener", "answerPluginQuestion", "searchMessages",
            "sendTypingStatus", "setTypingStatusListener", "sendReadReceiptMessage", "setReadReceiptListener",
            "recallMessage", "setOnRecallMessageListener", "editMessage", "setOnMessageEditedListener",
            "setUserInfo", "getUserInfo", "setUserInfoListener", "getContacts", "addContact", "removeContact",
            "setPresenceListener");

    private SpecMethods() {
    }
}
