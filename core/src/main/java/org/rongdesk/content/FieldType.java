package org.rongdesk.content;

import com.google.gson.JsonObject;

import java.util.List;
import java.util.function.Function;

import org.rongdesk.plugin.api.InvalidContentException;
import org.rongdesk.plugin.api.MessageType;

/**
 * A content type described by its fields (how the built-in types are made): content is checked
 * field by field and cleaned to hold only them.
 */
public final class FieldType implements MessageType {
    private final String objectName;
    private final List<Field> fields;
    private final boolean persisted;
    private final boolean counted;
    private final Function<JsonObject, String> summary;

    public FieldType(String objectName, List<Field> fields, boolean persisted, boolean counted,
            Function<JsonObject, String> summary) {
        this.objectName = objectName;
        this.fields = List.copyOf(fields);
        this.persisted = persisted;
        this.counted = counted;
        this.summary = summary;
    }

    @Override
    public String objectName() {
        return objectName;
    }

    @Override
    public boolean persisted() {
        return persisted;
    }

    @Override
    public boolean counted() {
        return counted;
    }

    /** Checks content field by field; the clean copy holds only the fields (others are dropped). */
    @Override
    public JsonObject validate(JsonObject content) throws InvalidContentException {
        JsonObject clean = new JsonObject();
        for (Field field : fields) {
            field.copy(content, clean);
        }
        return clean;
    }

    @Override
    public String summary(JsonObject content) {
        return summary.apply(content);
    }
}
