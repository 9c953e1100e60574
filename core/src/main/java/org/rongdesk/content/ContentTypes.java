package org.rongdesk.content;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The content types this client knows, by objectName: the built-ins, and later those of plugins. */
public final class ContentTypes {
    private final Map<String, ContentType> types = new ConcurrentHashMap<>();

    /** A registry holding the six built-in types. */
    public static ContentTypes withBuiltIns() {
        ContentTypes registry = new ContentTypes();
        BuiltInTypes.all().forEach(registry::register);
        return registry;
    }

    /** Adds a type; false when its objectName is taken. */
    public boolean register(ContentType type) {
        return types.putIfAbsent(type.objectName(), type) == null;
    }

    public Optional<ContentType> get(String objectName) {
        return Optional.ofNullable(types.get(objectName));
    }
}
