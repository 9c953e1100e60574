package org.rongdesk.plugins.kiosk;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.pf4j.Extension;
import org.rongdesk.plugin.api.Command;
import org.rongdesk.plugin.api.CommandHandler;
import org.rongdesk.plugin.api.HostControl;
import org.rongdesk.plugin.api.PluginContext;

/**
 * {@code kiosk}: banner notice (announced to screen readers too), theme (light, dark,
 * high-contrast), font scale (100–300 %), reload the room. Only users named in the plugin's
 * {@code admins} setting (comma-separated ids, in {@code kiosk-control.properties}) are obeyed.
 */
@Extension
public final class KioskCommandHandler implements CommandHandler {
    static final Set<String> THEMES = Set.of("light", "dark", "high-contrast");

    @Override
    public String commandName() {
        return "kiosk";
    }

    @Override
    public void handle(Command command, PluginContext context) {
        Set<String> admins = Arrays.stream(context.settings().getOrDefault("admins", "").split(","))
                .map(String::strip).filter(id -> !id.isEmpty()).collect(Collectors.toSet());
        if (!admins.contains(command.senderUserId())) {
            context.logger().warning(() -> "a kiosk command from " + command.senderUserId() + ", who is not an admin, was ignored");
            return;
        }
        JsonObject request = request(command.data());
        String action = text(request, "action");
        String value = text(request, "value");
        switch (action) {
            case HostControl.BANNER -> {
                context.control(HostControl.banner(value));
                if (!value.isEmpty()) {
                    context.announce(value);
                }
            }
            case HostControl.THEME -> {
                if (THEMES.contains(value)) {
                    context.control(HostControl.theme(value));
                } else {
                    context.logger().info(() -> "unknown theme " + value);
                }
            }
            case HostControl.FONT_SCALE -> fontScale(value).ifPresentOrElse(
                    percent -> context.control(HostControl.fontScale(percent)),
                    () -> context.logger().info(() -> "font scale must be 100 to 300, not " + value));
            case HostControl.RELOAD_ROOM -> context.control(HostControl.reloadRoom());
            default -> context.logger().info(() -> "unknown kiosk action '" + action + "'");
        }
    }

    private static Optional<Integer> fontScale(String value) {
        try {
            int percent = Integer.parseInt(value.strip());
            return percent >= 100 && percent <= 300 ? Optional.of(percent) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static JsonObject request(String data) {
        try {
            JsonElement json = JsonParser.parseString(data);
            return json.isJsonObject() ? json.getAsJsonObject() : new JsonObject();
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }

    private static String text(JsonObject request, String field) {
        JsonElement value = request.get(field);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
    }
}
