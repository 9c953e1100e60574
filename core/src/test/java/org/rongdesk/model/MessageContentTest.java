package org.rongdesk.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;

/** Content kept as text behaves as the tree it stands for. */
class MessageContentTest {
    private static final String JSON = "{\"text\":\"a \\\"quote\\\" 食堂 \\u0001\",\"extra\":\"\",\"duration\":7,\"n\":1.50}";

    @Test
    void textAndTreeAreTheSameContent() {
        MessageContent later = MessageContent.parsedLater(JSON);
        MessageContent tree = MessageContent.of(JsonParser.parseString(JSON).getAsJsonObject());
        assertThat(later).isEqualTo(tree).hasSameHashCodeAs(tree);
        assertThat(later.copy()).isEqualTo(tree.tree());
        assertThat(later.json()).isEqualTo(tree.json()).isEqualTo(JsonParser.parseString(JSON).toString());
        assertThat(later.copy().get("n").toString()).as("numbers as written").isEqualTo("1.50");
    }

    @Test
    void theTreeIsParsedOnceAndCopiesAreTheCallersOwn() {
        MessageContent content = MessageContent.parsedLater(JSON);
        JsonObject copy = content.copy();
        copy.addProperty("text", "changed");
        assertThat(content.tree().get("text").getAsString()).startsWith("a \"quote\"");
        assertThat(content.tree()).isSameAs(content.tree());
    }

    @Test
    void aTreeChangedInPlaceIsWhatItsTextSays() {
        MessageContent content = MessageContent.parsedLater(JSON);
        content.tree().addProperty("localPath", "/tmp/x");
        assertThat(content.json()).contains("\"localPath\":\"/tmp/x\"");
        assertThat(content.copy().get("localPath").getAsString()).isEqualTo("/tmp/x");
    }
}
