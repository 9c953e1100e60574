package org.rongdesk.content;

import com.google.gson.JsonObject;

import java.util.List;
import java.util.function.Function;

/**
 * A message content type: its objectName, its fields, whether received messages of it are
 * stored and counted as unread, and how to say it in one line of plain text.
 */
public final class ContentType {
    private final String objectName;
    private final List<Field> fields;
    private final boolean persisted;
    private final boolean counted;
    private final Function<JsonObject, String> summary;

    public ContentType(String objectName, List<Field> fields, boolean persisted, boolean counted,
            Function<JsonObject, String> summary) {
        this.objectName = objectName;
        this.fields = List.copyOf(fields);
        this.persisted = persisted;
        this.counted = counted;
        this.summary = summary;
    }

    public String objectName() {
        return objectName;
    }

    /** Whether received messages of this type are stored. */
    public boolean persisted() {
        return persisted;
    }

    /** Whether received messages of this type count as unread. */
    public boolean counted() {
        return counted;
    }

    /**
     * Checks content against the fields and returns a clean copy holding only them; fields of
     * other names are dropped.
     */
    public JsonObject clean(JsonObject content) throws InvalidContentException {
        JsonObject clean = new JsonObject();
        for (Field field : fields) {
            field.copy(content, clean);
        }
        return clean;
    }

    /** One line of plain text saying what the message is; never markup. */
    public String summary(JsonObject content) {
        return summary.apply(content);
    }
}
