package org.rongdesk.search;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.rongdesk.content.BuiltInTypes;
import org.rongdesk.model.StoredMessage;

/**
 * What of a message search looks at: a text's text, rich content's title and description, a
 * location's name. Other kinds (images, voice, commands, plugin types) have none.
 */
public final class SearchText {
    private SearchText() {
    }

    /** The searchable text of {@code message}; empty when it has none. */
    public static String of(StoredMessage message) {
        JsonObject content = message.content();
        return switch (message.objectName()) {
            case BuiltInTypes.TEXT -> field(content, "text");
            case BuiltInTypes.RICH_CONTENT -> (field(content, "title") + "\n" + field(content, "description")).strip();
            case BuiltInTypes.LOCATION -> field(content, "poi");
            default -> "";
        };
    }

    private static String field(JsonObject content, String name) {
        JsonElement value = content == null ? null : content.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
    }
}
