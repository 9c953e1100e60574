package org.rongdesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;

/** What XML 1.0 cannot carry is found, and made safe without changing a JSON value. */
class XmlCharsTest {
    @Test
    void findsTheFirstCharacterXmlCannotCarry() {
        assertThat(XmlChars.firstUnsafe("tab\tline\ncr\r emoji \uD83D\uDE00 \uFFFD")).isEqualTo(-1);
        assertThat(XmlChars.firstUnsafe("a\u0001b")).isEqualTo(1);
        assertThat(XmlChars.firstUnsafe("ab\uFFFE")).isEqualTo(2);
        assertThat(XmlChars.firstUnsafe("\uD800x")).isZero();
        assertThat(XmlChars.firstUnsafe("x\uDE00")).isEqualTo(1);
        assertThat(XmlChars.problem("text", "a\u0001b", 1)).isEqualTo("text holds U+0001 at index 1, a character XML cannot carry");
    }

    @Test
    void escapedJsonIsSafeAndReadsBackTheSame() {
        JsonObject content = new JsonObject();
        content.addProperty("text", "a\uFFFEb\uD800c\uFFFF \uD83D\uDE00");
        String escaped = XmlChars.escapeInJson(content.toString());

        assertThat(XmlChars.firstUnsafe(escaped)).isEqualTo(-1);
        assertThat(JsonParser.parseString(escaped)).isEqualTo(content);
        assertThat(XmlChars.replaceUnsafe("a\u0001b\uD83D\uDE00")).isEqualTo("a\uFFFDb\uD83D\uDE00");
    }
}
