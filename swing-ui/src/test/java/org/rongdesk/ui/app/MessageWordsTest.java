package org.rongdesk.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.rongdesk.ui.i18n.Texts;

/** How each kind of message is said, in both languages; plugin types by their own summary. */
class MessageWordsTest {
    private final MessageWords english = new MessageWords(new Texts(Locale.ENGLISH), (type, content) -> "poll: lunch?");
    private final MessageWords chinese = new MessageWords(new Texts(Locale.SIMPLIFIED_CHINESE), (type, content) -> "?");

    @Test
    void eachBuiltInKind() {
        assertThat(english.summary(MessageWords.TEXT, Json.of("text", "hi"))).isEqualTo("hi");
        assertThat(english.summary(MessageWords.IMAGE, Json.of("extra", "a cat"))).isEqualTo("image: a cat");
        assertThat(english.summary(MessageWords.IMAGE, Json.of())).isEqualTo("image: no description");
        assertThat(english.summary(MessageWords.VOICE, Json.of("duration", 7))).isEqualTo("voice message: 7 seconds");
        assertThat(english.summary(MessageWords.LOCATION, Json.of("latitude", 1.5, "longitude", -2, "poi", "Here")))
                .isEqualTo("location: Here (1.5, -2)");
        assertThat(english.summary(MessageWords.RICH, Json.of("title", "T", "description", "D"))).isEqualTo("link: T — D");
        assertThat(english.summary(MessageWords.COMMAND, Json.of("name", "vote"))).isEqualTo("command: vote");
        assertThat(english.summary(MessageWords.DISCUSSION_NOTICE, Json.of("type", 1, "operator", "ann", "extension", "bob")))
                .isEqualTo("discussion notice: ann added bob");
        assertThat(chinese.summary(MessageWords.VOICE, Json.of("duration", 7))).isEqualTo("语音消息: 7 秒");
    }

    @Test
    void aRecallSaysWhoRecalled() {
        MessageWords alices = new MessageWords(new Texts(Locale.ENGLISH), (type, content) -> "?", () -> "alice");
        assertThat(alices.summary(MessageWords.RECALL, Json.of("operatorId", "alice"))).isEqualTo("You recalled a message");
        assertThat(alices.summary(MessageWords.RECALL, Json.of("operatorId", "bob"))).isEqualTo("bob recalled a message");
        assertThat(chinese.summary(MessageWords.RECALL, Json.of("operatorId", "bob"))).isEqualTo("bob 撤回了一条消息");
    }

    @Test
    void pluginTypesBySummary() {
        assertThat(english.kind("Org:Poll")).isEmpty();
        assertThat(english.summary("Org:Poll", Json.of("question", "lunch?"))).isEqualTo("poll: lunch?");
    }
}
