package org.rongdesk.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Reads the spec's parameters from a JSON object, answering -10002 with a message that names
 * the field when one is missing or of the wrong type.
 */
public final class Params {
    private Params() {
    }

    /** A required, non-empty string field. */
    public static String requireString(JsonObject params, String field) throws RongException {
        JsonElement value = params == null ? null : params.get(field);
        if (value == null || value.isJsonNull()) {
            throw RongException.invalid(field + " is missing");
        }
        String text = asString(value, field);
        if (text.isEmpty()) {
            throw RongException.invalid(field + " must not be empty");
        }
        return text;
    }

    /** An optional boolean field, {@code defaultValue} when absent or null. */
    public static boolean optionalBoolean(JsonObject params, String field, boolean defaultValue) throws RongException {
        JsonElement value = params == null ? null : params.get(field);
        if (value == null || value.isJsonNull()) {
            return defaultValue;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()) {
            return value.getAsBoolean();
        }
        throw RongException.invalid(field + " must be true or false, not " + describe(value));
    }

    private static String asString(JsonElement value, String field) throws RongException {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return value.getAsString();
        }
        throw RongException.invalid(field + " must be a string, not " + describe(value));
    }

    /** A short description of a JSON value's type, for error messages (never its whole content). */
    public static String describe(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "null";
        }
        if (value.isJsonObject()) {
            return "an object";
        }
        if (value.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return "a boolean";
        }
        return primitive.isNumber() ? "a number" : "a string";
    }
}
