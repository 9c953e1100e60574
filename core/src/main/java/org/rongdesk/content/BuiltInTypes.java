package org.rongdesk.content;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;

import org.rongdesk.plugin.api.MessageType;

/**
 * The six built-in content types and the client's notifications, in their wire form (what travels inside {@code <rc>}; local
 * file paths never travel). Limits keep a hostile sender from filling the store.
 */
public final class BuiltInTypes {
    public static final String TEXT = "RC:TxtMsg";
    public static final String IMAGE = "RC:ImgMsg";
    public static final String VOICE = "RC:VcMsg";
    public static final String LOCATION = "RC:LBSMsg";
    public static final String RICH_CONTENT = "RC:ImgTextMsg";
    public static final String COMMAND = "RC:CmdNtf";
    /** A change to a discussion (1 members added, 2 a member quit, 3 renamed, 4 a member removed, 5 invitations switched). */
    public static final String DISCUSSION_NOTIFICATION = "RC:DizNtf";
    /** What a recalled message becomes (RongCloud's recall notification): who recalled it, when, what it was. */
    public static final String RECALL_NOTIFICATION = "RC:RcNtf";

    /** Longest text of a text message, in characters. */
    public static final int MAX_TEXT = 65_536;
    /** Longest extra, in characters. */
    public static final int MAX_EXTRA = 65_536;
    /** Largest inline image thumbnail, in bytes. */
    public static final int MAX_THUMBNAIL = 65_536;
    /** Longest voice message, in seconds. */
    public static final int MAX_VOICE_SECONDS = 3_600;

    private static final Field EXTRA = Field.text("extra", false, MAX_EXTRA);

    private BuiltInTypes() {
    }

    /** All built-ins, each persisted; the command and discussion notifications are not counted as unread. */
    public static List<MessageType> all() {
        return List.of(
                new FieldType(TEXT, List.of(Field.text("text", true, MAX_TEXT), EXTRA), true, true,
                        content -> string(content, "text")),
                new FieldType(IMAGE, List.of(Field.url("imageUrl", true), Field.base64("thumbnail", false, MAX_THUMBNAIL),
                        EXTRA), true, true, content -> "[Image]"),
                new FieldType(VOICE, List.of(Field.url("voiceUrl", true),
                        Field.number("duration", true, 0, MAX_VOICE_SECONDS), EXTRA), true, true,
                        content -> "[Voice, " + Math.round(number(content, "duration")) + " s]"),
                new FieldType(LOCATION, List.of(Field.number("latitude", true, -90, 90),
                        Field.number("longitude", true, -180, 180), Field.text("poi", false, 1024),
                        Field.url("imageUrl", false), EXTRA), true, true,
                        content -> "[Location] " + string(content, "poi")),
                new FieldType(RICH_CONTENT, List.of(Field.text("title", true, 1024), Field.text("description", false, 8192),
                        Field.url("imageUrl", false), Field.url("url", false), EXTRA), true, true,
                        content -> string(content, "title") + ": " + string(content, "description")),
                new FieldType(COMMAND, List.of(Field.text("name", true, 256), Field.text("data", false, MAX_TEXT)), true, false,
                        content -> "[Command " + string(content, "name") + "]"),
                new FieldType(DISCUSSION_NOTIFICATION, List.of(Field.number("type", true, 1, 5),
                        Field.text("extension", false, 8192), Field.text("operator", false, 256)), true, false,
                        BuiltInTypes::discussionSummary),
                new FieldType(RECALL_NOTIFICATION, List.of(Field.text("operatorId", true, 256),
                        Field.number("recallTime", false, 0, Long.MAX_VALUE), Field.text("originalObjectName", false, 64)),
                        true, false, content -> "[Recalled]"));
    }

    private static String discussionSummary(JsonObject content) {
        String operator = string(content, "operator");
        String extension = string(content, "extension");
        return switch ((int) number(content, "type")) {
            case 1 -> "[Discussion] " + operator + " added " + extension;
            case 2 -> "[Discussion] " + operator + " left";
            case 3 -> "[Discussion] " + operator + " renamed it to " + extension;
            case 4 -> "[Discussion] " + operator + " removed " + extension;
            default -> "[Discussion] " + operator + " turned invitations " + ("1".equals(extension) ? "off" : "on");
        };
    }

    static String string(JsonObject content, String name) {
        JsonElement value = content.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
    }

    static double number(JsonObject content, String name) {
        JsonElement value = content.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() ? value.getAsDouble() : 0;
    }
}
