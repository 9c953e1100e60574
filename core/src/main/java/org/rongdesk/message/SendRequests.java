package org.rongdesk.message;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.Params;
import org.rongdesk.base.RongException;
import org.rongdesk.base.XmlChars;
import org.rongdesk.content.BuiltInTypes;
import org.rongdesk.content.ContentTypes;
import org.rongdesk.conversation.Conversations;
import org.rongdesk.media.ImageFiles;
import org.rongdesk.media.LocalFiles;
import org.rongdesk.media.VoiceFiles;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.plugin.api.InvalidContentException;
import org.rongdesk.plugin.api.MessageType;

/**
 * Turns the params of the six send methods into {@link SendRequest}s: every field checked
 * (-10002 naming it), files resolved inside the file base, images decoded and thumbnailed, voice
 * files checked to be WAVE, and files copied into the user's media directory. Blocks on disk.
 */
final class SendRequests {
    private final LocalFiles files;
    private final MediaDir media;
    private final ContentTypes types;

    SendRequests(LocalFiles files, MediaDir media, ContentTypes types) {
        this.files = files;
        this.media = media;
        this.types = types;
    }

    /**
     * Any registered type by objectName with its content, checked by the type itself (plugin types
     * go out this way); image and voice messages need their files, so they have their own methods.
     */
    SendRequest generic(JsonObject params) throws RongException {
        ConversationKey key = destination(params);
        String objectName = Params.requireString(params, "objectName");
        JsonElement content = params.get("content");
        if (content == null || !content.isJsonObject()) {
            throw RongException.invalid("content must be a JSON object, not " + Params.describe(content));
        }
        return generic(key, objectName, content.getAsJsonObject());
    }

    /** A message of type {@code objectName} with this content to {@code key}. */
    SendRequest generic(ConversationKey key, String objectName, JsonObject content) throws RongException {
        if (objectName.equals(BuiltInTypes.IMAGE) || objectName.equals(BuiltInTypes.VOICE)) {
            throw RongException.invalid("objectName " + objectName + " carries a file: use sendImageMessage or sendVoiceMessage");
        }
        MessageType type = types.get(objectName).orElseThrow(() -> RongException.invalid("objectName: no content type '"
                + Params.shorten(objectName) + "' is known (is its plugin installed?)"));
        requireXmlSafe(content, "content");
        try {
            JsonObject clean = type.validate(content);
            return new SendRequest(key, objectName, WireContent.toLocal(objectName, clean), List.of());
        } catch (InvalidContentException e) {
            throw RongException.invalid("content: " + e.getMessage());
        }
    }

    SendRequest text(JsonObject params) throws RongException {
        ConversationKey key = destination(params);
        JsonObject content = new JsonObject();
        content.addProperty("text", limited(params, "text", true, BuiltInTypes.MAX_TEXT));
        content.addProperty("extra", extra(params));
        return new SendRequest(key, BuiltInTypes.TEXT, content, List.of());
    }

    SendRequest image(JsonObject params) throws RongException {
        ConversationKey key = destination(params);
        Path file = files.resolve("imagePath", Params.requireString(params, "imagePath"));
        ImageFiles.Image image = ImageFiles.read("imagePath", file);
        String extra = extra(params);
        try {
            Path thumb = media.write("thumb", "jpg", ImageFiles.thumbnail(image.pixels()));
            Path copy = media.copy("image", file);
            JsonObject content = new JsonObject();
            content.addProperty("localPath", copy.toString());
            content.addProperty("thumbPath", thumb.toString());
            content.addProperty("imageUrl", "");
            content.addProperty("extra", extra);
            return new SendRequest(key, BuiltInTypes.IMAGE, content,
                    List.of(new SendRequest.Upload("imageUrl", copy, "image/" + image.format())));
        } catch (IOException e) {
            throw new RongException(ErrorCode.SEND_FAILED, "cannot keep a copy of the image: " + e.getMessage(), e);
        }
    }

    SendRequest voice(JsonObject params) throws RongException {
        ConversationKey key = destination(params);
        Path file = files.resolve("voicePath", Params.requireString(params, "voicePath"));
        int measured = VoiceFiles.seconds("voicePath", file);
        double duration = params.has("duration") && !params.get("duration").isJsonNull()
                ? Params.requireNumber(params, "duration", 0, BuiltInTypes.MAX_VOICE_SECONDS) : measured;
        String extra = extra(params);
        try {
            Path copy = media.copy("voice", file);
            JsonObject content = new JsonObject();
            content.addProperty("voicePath", copy.toString());
            content.addProperty("duration", duration == Math.rint(duration) ? (Number) (long) duration : duration);
            content.addProperty("voiceUrl", "");
            content.addProperty("extra", extra);
            return new SendRequest(key, BuiltInTypes.VOICE, content,
                    List.of(new SendRequest.Upload("voiceUrl", copy, "audio/wav")));
        } catch (IOException e) {
            throw new RongException(ErrorCode.SEND_FAILED, "cannot keep a copy of the voice file: " + e.getMessage(), e);
        }
    }

    SendRequest location(JsonObject params) throws RongException {
        ConversationKey key = destination(params);
        JsonObject content = new JsonObject();
        content.addProperty("latitude", Params.requireNumber(params, "latitude", -90, 90));
        content.addProperty("longitude", Params.requireNumber(params, "longitude", -180, 180));
        content.addProperty("poi", limited(params, "poi", false, 1024));
        String imagePath = Params.optionalString(params, "imagePath", "");
        List<SendRequest.Upload> uploads = List.of();
        content.addProperty("imagePath", "");
        content.addProperty("imageUrl", "");
        content.addProperty("extra", extra(params));
        if (!imagePath.isEmpty()) {
            Path file = files.resolve("imagePath", imagePath);
            ImageFiles.Image image = ImageFiles.read("imagePath", file);
            try {
                Path copy = media.copy("location", file);
                content.addProperty("imagePath", copy.toString());
                uploads = List.of(new SendRequest.Upload("imageUrl", copy, "image/" + image.format()));
            } catch (IOException e) {
                throw new RongException(ErrorCode.SEND_FAILED, "cannot keep a copy of the map image: " + e.getMessage(), e);
            }
        }
        return new SendRequest(key, BuiltInTypes.LOCATION, content, uploads);
    }

    SendRequest richContent(JsonObject params) throws RongException {
        ConversationKey key = destination(params);
        JsonObject content = new JsonObject();
        content.addProperty("title", limited(params, "title", true, 1024));
        content.addProperty("description", limited(params, "description", false, 8192));
        content.addProperty("imageUrl", url(params, "imageUrl"));
        content.addProperty("url", url(params, "url"));
        content.addProperty("extra", extra(params));
        return new SendRequest(key, BuiltInTypes.RICH_CONTENT, content, List.of());
    }

    SendRequest command(JsonObject params) throws RongException {
        ConversationKey key = destination(params);
        JsonObject content = new JsonObject();
        content.addProperty("name", limited(params, "name", true, 256));
        content.addProperty("data", limited(params, "data", false, BuiltInTypes.MAX_TEXT));
        return new SendRequest(key, BuiltInTypes.COMMAND, content, List.of());
    }

    /** The conversation to send to: any type but SYSTEM, which only receives. */
    static ConversationKey destination(JsonObject params) throws RongException {
        ConversationKey key = Conversations.key(params);
        if (key.type() == ConversationType.SYSTEM) {
            throw RongException.invalid("conversationType SYSTEM is receive-only: nothing can be sent to it");
        }
        return key;
    }

    /** Every string in {@code value} must be one XML can carry (the plain params are checked by {@link Params}). */
    private static void requireXmlSafe(JsonElement value, String path) throws RongException {
        if (value.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
                requireXmlSafe(entry.getValue(), path + "." + entry.getKey());
            }
        } else if (value.isJsonArray()) {
            for (int i = 0; i < value.getAsJsonArray().size(); i++) {
                requireXmlSafe(value.getAsJsonArray().get(i), path + "[" + i + "]");
            }
        } else if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            XmlChars.require(path, value.getAsString());
        }
    }

    private static String extra(JsonObject params) throws RongException {
        return limited(params, "extra", false, BuiltInTypes.MAX_EXTRA);
    }

    static String limited(JsonObject params, String field, boolean required, int max) throws RongException {
        String value = required ? Params.requireString(params, field) : Params.optionalString(params, field, "");
        if (value.length() > max) {
            throw RongException.invalid(field + " is longer than " + max + " characters");
        }
        return value;
    }

    private static String url(JsonObject params, String field) throws RongException {
        String value = Params.optionalString(params, field, "");
        if (!value.isEmpty() && !value.matches("(?i)https?://[^\\s]+") || value.length() > 4096) {
            throw RongException.invalid(field + " must be an http or https URL, not '" + Params.shorten(value) + "'");
        }
        return value;
    }
}
