package org.rongdesk.ui.plugins;

import java.awt.Window;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.swing.JComponent;

import org.rongdesk.plugin.api.MessageView;
import org.rongdesk.plugin.api.PluginContext;
import org.rongdesk.plugin.api.PluginMessage;
import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.app.MessageItem;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.InfoDialog;

/**
 * A plugin content type's own view of a message (a poll with its vote buttons), in a dialog:
 * the history's rows are painted, not live, so an interactive view opens from the row with Enter.
 * A view that throws is reported and the message's details are shown instead.
 */
public final class PluginViewDialog {
    private static final Logger LOG = Logger.getLogger(PluginViewDialog.class.getName());

    private PluginViewDialog() {
    }

    /** Opens {@code message}'s plugin view; false when its type has none (or it failed). */
    public static boolean open(Window owner, UiContext ui, MessageItem message, String spoken) {
        Optional<Map.Entry<MessageView, PluginContext>> view = ui.client().pluginView(message.objectName());
        if (view.isEmpty()) {
            return false;
        }
        JComponent component;
        try {
            component = view.get().getKey().create(new PluginMessage(message.id(), message.type(), message.targetId(),
                    message.senderUserId(), message.objectName(), message.content().deepCopy(), message.sent(),
                    message.sentTime()), view.get().getValue());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "the view of " + message.objectName() + " failed", e);
            ui.client().reportError(ui.texts().get("plugins.viewFailed", message.objectName(), String.valueOf(e.getMessage())));
            return false;
        }
        A11y.plainTree(component);
        if (component.getAccessibleContext().getAccessibleName() == null) {
            A11y.named(component, spoken);
        }
        InfoDialog dialog = new InfoDialog(owner, ui, ui.texts().get("plugins.viewTitle"));
        dialog.line("details.message", spoken);
        dialog.wide(component);
        dialog.open();
        return true;
    }
}
