package org.rongdesk.ui.plugins;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.awt.Window;

import javax.swing.DefaultListModel;
import javax.swing.JList;
import javax.swing.JScrollPane;

import org.rongdesk.ui.access.PlainRenderer;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.InfoDialog;

/** The plugins found, each as one line: name, version, state, and what went wrong if anything. */
public final class PluginsDialog extends InfoDialog {
    private final UiContext ui;
    private final DefaultListModel<String> model = new DefaultListModel<>();

    public PluginsDialog(Window owner, UiContext ui) {
        super(owner, ui, ui.texts().get("plugins.title"));
        this.ui = ui;
        JList<String> list = new JList<>(model);
        list.setCellRenderer(new PlainRenderer());
        list.setVisibleRowCount(8);
        list.getAccessibleContext().setAccessibleName(ui.texts().get("plugins.title"));
        wide(new JScrollPane(list));
        ui.client().call((rong, params, callback) -> rong.getPlugins(callback), null, ret -> {
            JsonElement result = ret.get("result");
            if (result == null || !result.isJsonArray() || result.getAsJsonArray().isEmpty()) {
                model.addElement(ui.texts().get("plugins.none"));
                return;
            }
            for (JsonElement element : result.getAsJsonArray()) {
                model.addElement(line(element.getAsJsonObject()));
            }
            list.setSelectedIndex(0);
        });
    }

    private String line(JsonObject plugin) {
        String problem = plugin.get("problem").isJsonNull() ? "" : plugin.get("problem").getAsString();
        return ui.texts().get("plugins.line", plugin.get("id").getAsString(), plugin.get("version").getAsString(),
                plugin.get("state").getAsString()) + (problem.isEmpty() ? "" : ": " + problem);
    }
}
