package org.rongdesk.plugin;

import java.util.List;

import org.rongdesk.plugin.api.HostControl;

/**
 * What plugins ask of the user's display: the Swing client shows these; the bridge passes them
 * on as events. Called on plugin threads; must return quickly.
 */
public interface PluginEvents {
    /** A plugin tells the user something. */
    void announced(String pluginId, String text);

    /** A plugin asks the user to choose; the answer goes back with {@link PluginHost#answer}. */
    void asked(String pluginId, String questionId, String text, List<String> choices);

    /** A plugin steers the display. */
    void controlled(String pluginId, HostControl control);

    /** A plugin's state changed (it failed at run time, say). */
    void statusChanged(List<PluginStatus> plugins);

    /** Events go nowhere. */
    PluginEvents NONE = new PluginEvents() {
        @Override
        public void announced(String pluginId, String text) {
        }

        @Override
        public void asked(String pluginId, String questionId, String text, List<String> choices) {
        }

        @Override
        public void controlled(String pluginId, HostControl control) {
        }

        @Override
        public void statusChanged(List<PluginStatus> plugins) {
        }
    };
}
