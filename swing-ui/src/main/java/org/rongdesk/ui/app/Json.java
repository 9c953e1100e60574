package org.rongdesk.ui.app;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Builds the facade's parameter objects. */
public final class Json {
    private Json() {
    }

    /** {@code {k1: v1, k2: v2 …}} from alternating names and values (String, Number, Boolean or JsonElement). */
    public static JsonObject of(Object... namesAndValues) {
        JsonObject json = new JsonObject();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (value instanceof JsonElement element) {
                json.add(name, element);
            } else if (value instanceof Number number) {
                json.addProperty(name, number);
            } else if (value instanceof Boolean bool) {
                json.addProperty(name, bool);
            } else if (value != null) {
                json.addProperty(name, value.toString());
            }
        }
        return json;
    }

    /** The parameters every conversation call takes, then {@code more} names and values. */
    public static JsonObject conversation(String type, String targetId, Object... more) {
        JsonObject json = of(more);
        json.addProperty("conversationType", type);
        json.addProperty("targetId", targetId);
        return json;
    }

    /** {@code ret.result}, or an empty object. */
    public static JsonObject result(JsonObject ret) {
        return ret != null && ret.has("result") && ret.get("result").isJsonObject() ? ret.getAsJsonObject("result")
                : new JsonObject();
    }
}
