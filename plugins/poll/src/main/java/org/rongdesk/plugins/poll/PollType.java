package org.rongdesk.plugins.poll;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.pf4j.Extension;
import org.rongdesk.plugin.api.InvalidContentException;
import org.rongdesk.plugin.api.MessageType;

/** {@code App:Poll}: {@code {pollId, question, options}} — 2 to 10 options of at most 200 characters. */
@Extension
public final class PollType implements MessageType {
    static final int MAX_QUESTION = 500;
    static final int MAX_OPTION = 200;

    @Override
    public String objectName() {
        return Polls.TYPE;
    }

    @Override
    public JsonObject validate(JsonObject content) throws InvalidContentException {
        JsonObject clean = new JsonObject();
        clean.addProperty("pollId", text(content, "pollId", 64));
        clean.addProperty("question", text(content, "question", MAX_QUESTION));
        JsonElement options = content.get("options");
        if (options == null || !options.isJsonArray() || options.getAsJsonArray().size() < 2
                || options.getAsJsonArray().size() > 10) {
            throw new InvalidContentException("options must hold 2 to 10 choices");
        }
        JsonArray cleanOptions = new JsonArray();
        for (JsonElement option : options.getAsJsonArray()) {
            if (!option.isJsonPrimitive() || !option.getAsJsonPrimitive().isString() || option.getAsString().isBlank()
                    || option.getAsString().length() > MAX_OPTION) {
                throw new InvalidContentException("each option must be text of 1 to " + MAX_OPTION + " characters");
            }
            cleanOptions.add(option.getAsString());
        }
        clean.add("options", cleanOptions);
        return clean;
    }

    @Override
    public String summary(JsonObject content) {
        return "Poll: " + content.get("question").getAsString() + " (" + String.join(" / ", Polls.options(content)) + ")";
    }

    private static String text(JsonObject content, String field, int max) throws InvalidContentException {
        JsonElement value = content.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString() || value.getAsString().isBlank()) {
            throw new InvalidContentException(field + " must be non-empty text");
        }
        if (value.getAsString().length() > max) {
            throw new InvalidContentException(field + " is longer than " + max + " characters");
        }
        return value.getAsString();
    }
}
