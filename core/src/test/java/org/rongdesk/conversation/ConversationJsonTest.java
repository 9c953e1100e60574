package org.rongdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rongdesk.model.Conversation;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.MessageContent;
import org.rongdesk.model.MessageDirection;
import org.rongdesk.model.NotificationStatus;
import org.rongdesk.model.SentStatus;
import org.rongdesk.model.StoredMessage;

/** A conversation's JSON is the same whether its latest message's content was parsed or is still text. */
class ConversationJsonTest {
    private static final String CONTENT = "{\"text\":\"午饭 <b>&</b>\",\"extra\":\"{\\\"k\\\":1}\",\"duration\":3}";
    private static final ConversationKey BOB = new ConversationKey(ConversationType.PRIVATE, "bob");

    @Test
    void theJsonOfALatestMessageStillAsTextIsTheJsonOfItsTree() {
        JsonObject fromText = ConversationJson.of(conversation(MessageContent.parsedLater(CONTENT)));
        JsonObject fromTree = ConversationJson.of(conversation(MessageContent.of(JsonParser.parseString(CONTENT).getAsJsonObject())));
        assertThat(fromText).isEqualTo(fromTree);
        assertThat(fromText.toString()).isEqualTo(fromTree.toString());
    }

    @Test
    void changingTheAnswerLeavesTheMessageAlone() {
        Conversation conversation = conversation(MessageContent.parsedLater(CONTENT));
        ConversationJson.of(conversation).getAsJsonObject("latestMessage").addProperty("text", "changed");
        assertThat(conversation.latest().orElseThrow().content().get("text").getAsString()).isEqualTo("午饭 <b>&</b>");
    }

    private static Conversation conversation(MessageContent content) {
        StoredMessage latest = new StoredMessage(7, BOB, MessageDirection.RECEIVE, "bob", "RC:TxtMsg", content,
                SentStatus.SENT, 1, 1000, 1005, "", "s:7");
        return new Conversation(BOB, "Bob", false, NotificationStatus.NOTIFY, "", 1, Optional.of(latest));
    }
}
