package org.rongdesk.ui.plugins;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.rongdesk.ui.app.ClientEvents;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.UiContext;

/**
 * Plugin events in a window: announcements are said, questions are asked in a dialog (answered
 * back to the plugin), a plugin that fails is reported by name, and display controls go to the
 * window's own handler (the kiosk applies them; the main window shows banners only).
 */
public final class PluginEvents implements ClientEvents {
    private final UiContext ui;
    private final Window owner;
    private final Consumer<JsonObject> controls;
    private final List<String> failing = new ArrayList<>();

    /** Events for {@code owner}; display controls other than banners are ignored. */
    public PluginEvents(UiContext ui, Window owner) {
        this(ui, owner, control -> {
            if ("banner".equals(control.get("action").getAsString()) && !control.get("value").getAsString().isBlank()) {
                ui.announcer().announce(control.get("value").getAsString());
            }
        });
    }

    /** Events for {@code owner}; {@code controls} gets each display control ({@code action}, {@code value}). */
    public PluginEvents(UiContext ui, Window owner, Consumer<JsonObject> controls) {
        this.ui = ui;
        this.owner = owner;
        this.controls = controls;
    }

    @Override
    public void pluginEvent(JsonObject event) {
        switch (event.get("type").getAsString()) {
            case "announce" -> ui.announcer().announce(event.get("text").getAsString());
            case "question" -> ask(event);
            case "control" -> controls.accept(event);
            case "status" -> reportFailures(event);
            default -> { }
        }
    }

    private void ask(JsonObject event) {
        List<String> choices = new ArrayList<>();
        event.getAsJsonArray("choices").forEach(c -> choices.add(c.getAsString()));
        new QuestionDialog(owner, ui, event.get("pluginId").getAsString(), event.get("text").getAsString(), choices).ask()
                .ifPresent(choice -> ui.client().call((rong, params, callback) -> rong.answerPluginQuestion(params, callback),
                        Json.of("questionId", event.get("questionId").getAsString(), "choice", choice), ret -> { }));
    }

    private void reportFailures(JsonObject event) {
        for (JsonElement element : event.getAsJsonArray("plugins")) {
            JsonObject plugin = element.getAsJsonObject();
            String id = plugin.get("id").getAsString();
            boolean bad = plugin.get("state").getAsString().startsWith("FAIL");
            if (bad && !failing.contains(id)) {
                failing.add(id);
                ui.client().reportError(ui.texts().get("plugins.failed", id, plugin.get("problem").getAsString()));
            } else if (!bad) {
                failing.remove(id);
            }
        }
    }
}
