package org.rongdesk.bench;

import com.google.gson.JsonObject;

import java.util.SplittableRandom;

import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.MessageDirection;
import org.rongdesk.model.NewMessage;
import org.rongdesk.model.SentStatus;

/**
 * The store workload of {@code notes/h2-store.md}: text messages over a number of private
 * conversations, 5 % of them in conversation 0 (the big one), chat-like text ({@link ChatText}: words
 * of 40–140 characters, one message in four Chinese of 15–50 characters). Every
 * conversation gets a message before any gets a second one (besides the big one).
 */
final class SyntheticMessages {
    static final String TEXT_MESSAGE = "RC:TxtMsg";

    private final int conversations;
    private final SplittableRandom random;
    private final ChatText texts;
    private int firstRound;

    SyntheticMessages(int conversations, long seed) {
        this.conversations = conversations;
        this.random = new SplittableRandom(seed);
        this.texts = new ChatText(seed);
    }

    /** The conversation of the next message, 0 being the big one. */
    int nextConversation() {
        if (conversations == 1 || random.nextInt(100) < 5) {
            return 0;
        }
        if (firstRound < conversations - 1) {
            return 1 + firstRound++;
        }
        return 1 + random.nextInt(conversations - 1);
    }

    /** A conversation index picked uniformly. */
    int anyConversation() {
        return random.nextInt(conversations);
    }

    static ConversationKey key(int conversation) {
        return new ConversationKey(ConversationType.PRIVATE, conversation == 0 ? "big" : "user-" + conversation);
    }

    /** A received, unread text message in {@code conversation}. */
    NewMessage received(int conversation, String uid, long sentTime) {
        ConversationKey key = key(conversation);
        return new NewMessage(key, MessageDirection.RECEIVE, key.targetId(), TEXT_MESSAGE, text(), SentStatus.SENT,
                sentTime, sentTime + 5, uid, true);
    }

    /** A text message about to be sent in {@code conversation}. */
    NewMessage outgoing(int conversation, String uid, long sentTime) {
        return new NewMessage(key(conversation), MessageDirection.SEND, "me", TEXT_MESSAGE, text(), SentStatus.SENDING,
                sentTime, 0, uid, false);
    }

    /** The text generator (for keywords to search). */
    ChatText texts() {
        return texts;
    }

    private JsonObject text() {
        JsonObject content = new JsonObject();
        content.addProperty("text", texts.next());
        content.addProperty("extra", "");
        return content;
    }
}
