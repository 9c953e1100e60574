package org.rongdesk.bridge;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;

import java.util.List;

/** Bridge input lines that are no valid request, and the id their -10002 answer must carry. */
final class MalformedLines {
    /** One line and the id of its answer (JSON null when the line has no usable id). */
    record Malformed(String line, JsonElement id) {
        @Override
        public String toString() {
            return line.length() > 120 ? line.substring(0, 120) + "... (" + line.length() + " characters)" : line;
        }
    }

    private static final int GIGANTIC = 20 << 20;

    private MalformedLines() {
    }

    static List<Malformed> all() {
        JsonElement none = JsonNull.INSTANCE;
        return List.of(
                new Malformed("this is not json", none),
                new Malformed("[]", none),
                new Malformed("null", none),
                new Malformed("42", none),
                new Malformed("\"getTotalUnreadCount\"", none),
                new Malformed("{\"id\":[1],\"method\":\"getTotalUnreadCount\"}", none),
                new Malformed("{\"id\":{},\"method\":\"getTotalUnreadCount\"}", none),
                new Malformed("{\"id\":9001}", id(9001)),
                new Malformed("{\"id\":9002,\"method\":7}", id(9002)),
                new Malformed("{\"id\":9003,\"method\":null}", id(9003)),
                new Malformed("{\"id\":9004,\"method\":[\"getTotalUnreadCount\"]}", id(9004)),
                new Malformed("{\"id\":9005,\"method\":\"noSuchMethod\"}", id(9005)),
                new Malformed("{\"id\":9006,\"method\":\"getClass\"}", id(9006)),
                new Malformed("{\"id\":9007,\"method\":\"\"}", id(9007)),
                new Malformed("{\"id\":9008,\"method\":\"GETTOTALUNREADCOUNT\"}", id(9008)),
                new Malformed("{\"id\":9009,\"method\":\"\\ud800\"}", id(9009)),
                new Malformed("{\"id\":\"s\",\"method\":\"close\"}", new JsonPrimitive("s")),
                new Malformed("{\"id\":true,\"method\":\"notify\"}", new JsonPrimitive(true)),
                new Malformed("{\"id\":9010,\"method\":\"sendTextMessage\",\"params\":{", none),
                new Malformed("{\"id\":9011,\"method\":\"getTotalUnreadCount\"} trailing", none),
                new Malformed("[".repeat(100_000), none),
                new Malformed("{\"id\":9012,\"method\":\"getConversation\",\"params\":" + "{\"a\":".repeat(10_000) + "1"
                        + "}".repeat(10_001), none),
                new Malformed("x".repeat(GIGANTIC), none),
                new Malformed(longText(9013, GIGANTIC), none),
                new Malformed(longText(9014, Bridge.MAX_LINE_CHARS - 200), id(9014)));
    }

    /** A request to send a text far over the text limit, the line {@code textLength} and some characters long. */
    private static String longText(int id, int textLength) {
        return "{\"id\":" + id + ",\"method\":\"sendTextMessage\",\"params\":{\"conversationType\":\"PRIVATE\","
                + "\"targetId\":\"" + MethodRules.PEER + "\",\"text\":\"" + "x".repeat(textLength) + "\"}}";
    }

    private static JsonElement id(int id) {
        return new JsonPrimitive(id);
    }
}
