package org.rongdesk.content;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.rongdesk.plugin.api.MessageType;

/**
 * The content types this client knows, by objectName: the built-ins, and those plugins add
 * through the same {@link MessageType} extension point.
 */
public final class ContentTypes {
    /** Longest objectName a type may have (plugin types, received payloads, history queries). */
    public static final int MAX_OBJECT_NAME = 64;
    private final Map<String, MessageType> types = new ConcurrentHashMap<>();

    /** A registry holding the six built-in types. */
    public static ContentTypes withBuiltIns() {
        ContentTypes registry = new ContentTypes();
        BuiltInTypes.all().forEach(registry::register);
        return registry;
    }

    /** Adds a type; false when its objectName is taken. */
    public boolean register(MessageType type) {
        return types.putIfAbsent(type.objectName(), type) == null;
    }

    /** Removes a type (a plugin that was stopped); false when it was not registered. */
    public boolean unregister(MessageType type) {
        return types.remove(type.objectName(), type);
    }

    public Optional<MessageType> get(String objectName) {
        return Optional.ofNullable(types.get(objectName));
    }
}
