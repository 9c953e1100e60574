package org.rongdesk.message;

import com.google.gson.JsonObject;

import java.util.List;
import java.util.Map;

import org.rongdesk.content.BuiltInTypes;

/**
 * The difference between content as stored and content on the wire: local file paths stay on
 * this machine ({@code localPath}, {@code thumbPath}, {@code voicePath}, {@code imagePath}),
 * and a received media message gets them back empty until its file is downloaded.
 */
final class WireContent {
    private static final Map<String, List<String>> LOCAL_PATHS = Map.of(
            BuiltInTypes.IMAGE, List.of("localPath", "thumbPath"),
            BuiltInTypes.VOICE, List.of("voicePath"),
            BuiltInTypes.LOCATION, List.of("imagePath"));

    private WireContent() {
    }

    /** The stored content without local paths. */
    static JsonObject toWire(String objectName, JsonObject stored) {
        JsonObject wire = stored.deepCopy();
        LOCAL_PATHS.getOrDefault(objectName, List.of()).forEach(wire::remove);
        return wire;
    }

    /** Received content with its local path fields present and empty. */
    static JsonObject toLocal(String objectName, JsonObject wire) {
        JsonObject local = wire.deepCopy();
        for (String path : LOCAL_PATHS.getOrDefault(objectName, List.of())) {
            if (!local.has(path)) {
                local.addProperty(path, "");
            }
        }
        return local;
    }

    /** The field that holds the downloaded file of a media type, if it has one. */
    static String downloadField(String objectName) {
        return switch (objectName) {
            case BuiltInTypes.IMAGE -> "localPath";
            case BuiltInTypes.VOICE -> "voicePath";
            case BuiltInTypes.LOCATION -> "imagePath";
            default -> null;
        };
    }

    /** The field that holds the URL of a media type's file. */
    static String urlField(String objectName) {
        return objectName.equals(BuiltInTypes.VOICE) ? "voiceUrl" : "imageUrl";
    }
}
