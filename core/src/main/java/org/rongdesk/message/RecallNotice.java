package org.rongdesk.message;

import com.google.gson.JsonObject;

/** The contents a recall and a correction leave behind. */
final class RecallNotice {
    private RecallNotice() {
    }

    /** RC:RcNtf's content: who recalled the message, when, and what type it was. */
    static JsonObject of(String operatorId, long recallTime, String originalObjectName) {
        JsonObject content = new JsonObject();
        content.addProperty("operatorId", operatorId);
        content.addProperty("recallTime", recallTime);
        content.addProperty("originalObjectName", originalObjectName);
        return content;
    }

    /** A text message's content after a correction: the new text, marked {@code edited}. */
    static JsonObject edited(JsonObject textContent) {
        JsonObject content = textContent.deepCopy();
        content.addProperty("edited", true);
        return content;
    }
}
