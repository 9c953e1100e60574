package org.rongdesk.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.function.Supplier;

import org.rongdesk.plugin.PluginEvents;
import org.rongdesk.plugin.PluginStatus;
import org.rongdesk.plugin.api.HostControl;

/** Plugin events as {@code (ret, err)} callbacks to the plugin event listener. */
final class PluginEventCallbacks implements PluginEvents {
    private final CallbackDispatcher callbacks;
    private final Supplier<Callback> listener;

    PluginEventCallbacks(CallbackDispatcher callbacks, Supplier<Callback> listener) {
        this.callbacks = callbacks;
        this.listener = listener;
    }

    @Override
    public void announced(String pluginId, String text) {
        JsonObject event = event("announce", pluginId);
        event.addProperty("text", text);
        emit(event);
    }

    @Override
    public void asked(String pluginId, String questionId, String text, List<String> choices) {
        JsonObject event = event("question", pluginId);
        event.addProperty("questionId", questionId);
        event.addProperty("text", text);
        JsonArray options = new JsonArray();
        choices.forEach(options::add);
        event.add("choices", options);
        emit(event);
    }

    @Override
    public void controlled(String pluginId, HostControl control) {
        JsonObject event = event("control", pluginId);
        event.addProperty("action", control.action());
        event.addProperty("value", control.value());
        emit(event);
    }

    @Override
    public void statusChanged(List<PluginStatus> plugins) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "status");
        event.add("plugins", statusJson(plugins));
        emit(event);
    }

    /** Statuses as {@code [{id, version, state, path, problem}]}. */
    static JsonArray statusJson(List<PluginStatus> plugins) {
        JsonArray list = new JsonArray();
        for (PluginStatus plugin : plugins) {
            JsonObject one = new JsonObject();
            one.addProperty("id", plugin.id());
            one.addProperty("version", plugin.version());
            one.addProperty("state", plugin.state());
            one.addProperty("path", plugin.path());
            one.addProperty("problem", plugin.problem());
            list.add(one);
        }
        return list;
    }

    private static JsonObject event(String type, String pluginId) {
        JsonObject event = new JsonObject();
        event.addProperty("type", type);
        event.addProperty("pluginId", pluginId);
        return event;
    }

    private void emit(JsonObject event) {
        Callback current = listener.get();
        if (current != null) {
            callbacks.success(current, event);
        }
    }
}
