package org.rongdesk.content;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;

import org.rongdesk.base.Params;
import org.rongdesk.plugin.api.InvalidContentException;

/**
 * One field of a content type and the rule its value must meet. Strings are limited in length,
 * numbers to a range, URLs to http and https; a missing optional string reads as "".
 */
public final class Field {
    private enum Kind { STRING, NUMBER, URL, BASE64 }

    private final String name;
    private final Kind kind;
    private final boolean required;
    private final long maxLength;
    private final double min;
    private final double max;

    private Field(String name, Kind kind, boolean required, long maxLength, double min, double max) {
        this.name = name;
        this.kind = kind;
        this.required = required;
        this.maxLength = maxLength;
        this.min = min;
        this.max = max;
    }

    /** A string of at most {@code maxChars} characters. */
    public static Field text(String name, boolean required, int maxChars) {
        return new Field(name, Kind.STRING, required, maxChars, 0, 0);
    }

    /** A number within {@code [min, max]}. */
    public static Field number(String name, boolean required, double min, double max) {
        return new Field(name, Kind.NUMBER, required, 0, min, max);
    }

    /** An http or https URL. */
    public static Field url(String name, boolean required) {
        return new Field(name, Kind.URL, required, 4096, 0, 0);
    }

    /** Base64 data of at most {@code maxBytes} bytes once decoded. */
    public static Field base64(String name, boolean required, int maxBytes) {
        return new Field(name, Kind.BASE64, required, maxBytes, 0, 0);
    }

    public String name() {
        return name;
    }

    /** Checks {@code from.name} and copies it (or its default) into {@code to}. */
    void copy(JsonObject from, JsonObject to) throws InvalidContentException {
        JsonElement value = from.get(name);
        if (value == null || value.isJsonNull()) {
            if (required) {
                throw new InvalidContentException(name + " is missing");
            }
            if (kind == Kind.STRING) {
                to.addProperty(name, "");
            }
            return;
        }
        to.add(name, check(value));
    }

    private JsonElement check(JsonElement value) throws InvalidContentException {
        if (!value.isJsonPrimitive()) {
            throw new InvalidContentException(name + " must be " + expected() + ", not " + Params.describe(value));
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        if (kind == Kind.NUMBER) {
            if (!primitive.isNumber()) {
                throw new InvalidContentException(name + " must be a number, not " + Params.describe(value));
            }
            double number = primitive.getAsDouble();
            if (!(number >= min && number <= max)) {
                throw new InvalidContentException(name + " must be between " + plain(min) + " and " + plain(max) + ", not "
                        + primitive.getAsString());
            }
            return primitive;
        }
        if (!primitive.isString()) {
            throw new InvalidContentException(name + " must be " + expected() + ", not " + Params.describe(value));
        }
        String text = primitive.getAsString();
        switch (kind) {
            case STRING -> {
                if (text.length() > maxLength) {
                    throw new InvalidContentException(name + " is longer than " + maxLength + " characters");
                }
            }
            case URL -> checkUrl(text);
            case BASE64 -> {
                try {
                    if (Base64.getDecoder().decode(text).length > maxLength) {
                        throw new InvalidContentException(name + " is larger than " + maxLength + " bytes");
                    }
                } catch (IllegalArgumentException e) {
                    throw new InvalidContentException(name + " is not base64");
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return primitive;
    }

    private void checkUrl(String text) throws InvalidContentException {
        if (text.isEmpty() && !required) {
            return;
        }
        if (text.length() > maxLength) {
            throw new InvalidContentException(name + " is longer than " + maxLength + " characters");
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidContentException(name + " must be an http or https URL, not '" + Params.shorten(text) + "'");
            }
        } catch (URISyntaxException e) {
            throw new InvalidContentException(name + " is not a URL: '" + Params.shorten(text) + "'");
        }
    }

    private String expected() {
        return switch (kind) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case URL -> "a URL string";
            case BASE64 -> "a base64 string";
        };
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
