package org.rongdesk.model;

import com.google.gson.JsonElement;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.rongdesk.base.Params;
import org.rongdesk.base.RongException;

/** The spec's conversation types, with RongCloud's numeric codes for storage. */
public enum ConversationType {
    PRIVATE(1), DISCUSSION(2), GROUP(3), CHATROOM(4), CUSTOMER_SERVICE(5), SYSTEM(6);

    /** {@code values()} copies its array each call; the store maps a code for every row it reads. */
    private static final ConversationType[] VALUES = values();
    private final int code;

    ConversationType(int code) {
        this.code = code;
    }

    /** The code stored in the local database. */
    public int code() {
        return code;
    }

    /** The type stored as {@code code}. */
    public static ConversationType fromCode(int code) {
        for (ConversationType type : VALUES) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("no conversation type has code " + code);
    }

    /** Reads a spec type name ({@code "PRIVATE"} …) from a parameter, answering -10002 naming {@code field}. */
    public static ConversationType parse(JsonElement value, String field) throws RongException {
        if (value == null || value.isJsonNull()) {
            throw RongException.invalid(field + " is missing");
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw RongException.invalid(field + " must be a string, not " + Params.describe(value));
        }
        String name = value.getAsString();
        return named(name).orElseThrow(() -> RongException.invalid(field + " must be one of " + names() + ", not '"
                + Params.shorten(name) + "'"));
    }

    private static Optional<ConversationType> named(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }

    private static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
