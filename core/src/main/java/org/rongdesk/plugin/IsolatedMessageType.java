package org.rongdesk.plugin;

import com.google.gson.JsonObject;

import org.rongdesk.plugin.api.InvalidContentException;
import org.rongdesk.plugin.api.MessageType;

/** A plugin's content type as the client calls it: each call timed and contained by {@link PluginCalls}. */
final class IsolatedMessageType implements MessageType {
    private final String pluginId;
    private final MessageType type;
    private final PluginCalls calls;
    private final String objectName;
    private final boolean persisted;
    private final boolean counted;

    IsolatedMessageType(String pluginId, MessageType type, PluginCalls calls, String objectName, boolean persisted,
            boolean counted) {
        this.pluginId = pluginId;
        this.type = type;
        this.calls = calls;
        this.objectName = objectName;
        this.persisted = persisted;
        this.counted = counted;
    }

    String pluginId() {
        return pluginId;
    }

    @Override
    public String objectName() {
        return objectName;
    }

    @Override
    public boolean persisted() {
        return persisted;
    }

    @Override
    public boolean counted() {
        return counted;
    }

    /** The plugin's verdict; a plugin that throws something else, hangs or is failing rejects the content. */
    @Override
    public JsonObject validate(JsonObject content) throws InvalidContentException {
        JsonObject copy = content.deepCopy();
        Object verdict = calls.call(pluginId, objectName + " validation", () -> {
            try {
                return type.validate(copy);
            } catch (InvalidContentException e) {
                return e;
            }
        }).orElse(null);
        if (verdict instanceof JsonObject clean) {
            return clean;
        }
        if (verdict instanceof InvalidContentException invalid) {
            throw invalid;
        }
        throw new InvalidContentException("the " + objectName + " plugin (" + pluginId + ") could not check it");
    }

    @Override
    public String summary(JsonObject content) {
        JsonObject copy = content.deepCopy();
        return calls.call(pluginId, objectName + " summary", () -> type.summary(copy))
                .map(HostContext::plain).orElse("[" + objectName + "]");
    }
}
