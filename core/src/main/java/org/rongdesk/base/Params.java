package org.rongdesk.base;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;

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

    /** A required string that may be empty. */
    public static String requireStringOrEmpty(JsonObject params, String field) throws RongException {
        JsonElement value = params == null ? null : params.get(field);
        if (value == null || value.isJsonNull()) {
            throw RongException.invalid(field + " is missing");
        }
        return asString(value, field);
    }

    /** An optional string, {@code defaultValue} when absent or null. */
    public static String optionalString(JsonObject params, String field, String defaultValue) throws RongException {
        JsonElement value = params == null ? null : params.get(field);
        return value == null || value.isJsonNull() ? defaultValue : asString(value, field);
    }

    /** A required boolean. */
    public static boolean requireBoolean(JsonObject params, String field) throws RongException {
        JsonElement value = params == null ? null : params.get(field);
        if (value == null || value.isJsonNull()) {
            throw RongException.invalid(field + " is missing");
        }
        return optionalBoolean(params, field, false);
    }

    /**
     * A required whole number within {@code [min, max]}; a string of digits is accepted too, as
     * the spec's own examples pass message ids as strings ('688').
     */
    public static long requireLong(JsonObject params, String field, long min, long max) throws RongException {
        JsonElement value = params == null ? null : params.get(field);
        if (value == null || value.isJsonNull()) {
            throw RongException.invalid(field + " is missing");
        }
        return wholeNumber(value, field, min, max);
    }

    /** A whole number within {@code [min, max]} (or such a number as a string), naming {@code field} when not. */
    public static long wholeNumber(JsonElement value, String field, long min, long max) throws RongException {
        if (!value.isJsonPrimitive() || value.getAsJsonPrimitive().isBoolean()) {
            throw RongException.invalid(field + " must be a whole number, not " + describe(value));
        }
        BigDecimal number;
        try {
            number = value.getAsJsonPrimitive().getAsBigDecimal();
        } catch (NumberFormatException e) {
            throw RongException.invalid(field + " must be a whole number, not '" + shorten(value.getAsString()) + "'");
        }
        if (number.stripTrailingZeros().scale() > 0) {
            throw RongException.invalid(field + " must be a whole number, not " + number.toPlainString());
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw RongException.invalid(field + " must be between " + min + " and " + max + ", not " + shorten(number.toPlainString()));
        }
        return number.longValueExact();
    }

    /** A required number within {@code [min, max]}. */
    public static double requireNumber(JsonObject params, String field, double min, double max) throws RongException {
        JsonElement value = params == null ? null : params.get(field);
        if (value == null || value.isJsonNull()) {
            throw RongException.invalid(field + " is missing");
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw RongException.invalid(field + " must be a number, not " + describe(value));
        }
        double number = value.getAsDouble();
        if (!(number >= min && number <= max)) {
            throw RongException.invalid(field + " must be between " + min + " and " + max + ", not " + value.getAsString());
        }
        return number;
    }

    /** A required array. */
    public static JsonArray requireArray(JsonObject params, String field) throws RongException {
        JsonElement value = params == null ? null : params.get(field);
        if (value == null || value.isJsonNull()) {
            throw RongException.invalid(field + " is missing");
        }
        if (!value.isJsonArray()) {
            throw RongException.invalid(field + " must be an array, not " + describe(value));
        }
        return value.getAsJsonArray();
    }

    /**
     * A required id (user, discussion, group, chat room or target id): non-empty, at most
     * {@value #MAX_ID_LENGTH} characters, no control characters.
     */
    public static String requireId(JsonObject params, String field) throws RongException {
        String id = requireString(params, field);
        if (id.length() > MAX_ID_LENGTH) {
            throw RongException.invalid(field + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw RongException.invalid(field + " must not contain control characters");
            }
        }
        return id;
    }

    /** Longest id the client accepts. */
    public static final int MAX_ID_LENGTH = 256;

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
            return XmlChars.require(field, value.getAsString());
        }
        throw RongException.invalid(field + " must be a string, not " + describe(value));
    }

    /** {@code text} cut to at most 64 characters, for echoing user input in error messages. */
    public static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
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
