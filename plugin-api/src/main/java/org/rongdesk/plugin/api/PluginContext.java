package org.rongdesk.plugin.api;

import com.google.gson.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The client as a plugin sees it: a narrow set of things it may do on behalf of the signed-in
 * user. Methods return at once (the work is queued) unless they say otherwise.
 */
public interface PluginContext {
    /** The plugin's id. */
    String pluginId();

    /** The signed-in user's id. */
    String userId();

    /**
     * Sends a message: {@code conversationType} PRIVATE, DISCUSSION, GROUP, CHATROOM or
     * CUSTOMER_SERVICE; {@code objectName} a built-in type or one a plugin registered, with
     * content that type accepts. Failures are logged.
     */
    void sendMessage(String conversationType, String targetId, String objectName, JsonObject content);

    /**
     * Adds {@code userId} to the signed-in user's contacts and asks to see their presence; their
     * own request to see the user's is accepted. Failures are logged.
     */
    void addContact(String userId);

    /** Tells the user something (shown, and spoken by screen readers). Plain text. */
    void announce(String text);

    /** Asks the user to choose; the answer comes to the question's {@link Question.Answer}. */
    void ask(Question question);

    /** Steers the display (kiosks). */
    void control(HostControl control);

    /**
     * The plugin's own settings: {@code <data dir>/plugins/<pluginId>.properties}, read when the
     * plugin is loaded. Empty when there is no such file.
     */
    Map<String, String> settings();

    /**
     * Up to {@code count} newest stored messages of one conversation with this objectName
     * (null: every type), newest first. Blocks briefly on the local store.
     */
    List<PluginMessage> history(String conversationType, String targetId, String objectName, int count);

    /** The plugin's logger (java.util.logging, named {@code rongdesk.plugin.<id>}). */
    Logger logger();
}
