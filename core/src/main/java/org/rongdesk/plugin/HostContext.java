package org.rongdesk.plugin;

import com.google.gson.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.MessageDirection;
import org.rongdesk.plugin.api.HostControl;
import org.rongdesk.plugin.api.PluginContext;
import org.rongdesk.plugin.api.PluginMessage;
import org.rongdesk.plugin.api.Question;

/** One plugin's {@link PluginContext}: every call checks its arguments and goes through the host. */
final class HostContext implements PluginContext {
    private final String pluginId;
    private final PluginHost host;
    private final Map<String, String> settings;
    private final Logger logger;

    HostContext(String pluginId, PluginHost host, Map<String, String> settings) {
        this.pluginId = pluginId;
        this.host = host;
        this.settings = Map.copyOf(settings);
        this.logger = Logger.getLogger("rongdesk.plugin." + pluginId);
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public String userId() {
        return host.services().userId().orElse("");
    }

    @Override
    public void sendMessage(String conversationType, String targetId, String objectName, JsonObject content) {
        ConversationKey key = new ConversationKey(ConversationType.valueOf(conversationType), targetId);
        host.services().send(key, objectName, content.deepCopy());
    }

    @Override
    public void addContact(String userId) {
        host.services().addContact(userId);
    }

    @Override
    public void announce(String text) {
        host.events().announced(pluginId, plain(text));
    }

    @Override
    public void ask(Question question) {
        host.ask(pluginId, question);
    }

    @Override
    public void control(HostControl control) {
        host.events().controlled(pluginId, control);
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public List<PluginMessage> history(String conversationType, String targetId, String objectName, int count) {
        ConversationKey key = new ConversationKey(ConversationType.valueOf(conversationType), targetId);
        return host.services().history(key, objectName, Math.max(1, Math.min(count, 1000))).stream()
                .map(m -> new PluginMessage(m.id(), m.conversation().type().name(), m.conversation().targetId(),
                        m.senderUserId(), m.objectName(), m.contentCopy(), m.direction() == MessageDirection.SEND,
                        m.sentTime()))
                .toList();
    }

    @Override
    public Logger logger() {
        return logger;
    }

    /** Plugins talk to people: strip what could turn text into markup or control a terminal. */
    static String plain(String text) {
        String value = text == null ? "" : text;
        StringBuilder clean = new StringBuilder(Math.min(value.length(), 2000));
        for (int i = 0; i < value.length() && clean.length() < 2000; i++) {
            char c = value.charAt(i);
            clean.append(Character.isISOControl(c) && c != '\n' ? ' ' : c);
        }
        return clean.toString();
    }
}
