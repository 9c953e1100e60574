package org.rongdesk.ui.dialog;

import java.awt.Component;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;

import javax.swing.DefaultListModel;
import javax.swing.JList;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;

import org.rongdesk.ui.access.PlainRenderer;
import org.rongdesk.ui.app.UiContext;

/**
 * Help → Keyboard shortcuts: every accelerator of the menu bar (read from the bar itself, so the
 * list is always complete), then the keys that work in one place (the history, the composer),
 * one shortcut a line.
 */
public final class ShortcutsDialog extends InfoDialog {
    private final JList<String> list;

    public ShortcutsDialog(Window owner, UiContext ui, JMenuBar bar) {
        super(owner, ui, ui.texts().get("shortcuts.title"));
        DefaultListModel<String> model = new DefaultListModel<>();
        model.addAll(lines(ui, bar));
        list = new JList<>(model);
        list.setCellRenderer(new PlainRenderer());
        list.setVisibleRowCount(16);
        list.setSelectedIndex(0);
        list.getAccessibleContext().setAccessibleName(ui.texts().get("shortcuts.title"));
        wide(new JScrollPane(list));
    }

    @Override
    public void open() {
        pack();
        setLocationRelativeTo(getOwner());
        SwingUtilities.invokeLater(list::requestFocusInWindow);
        Dialogs.modal(this);
    }

    /** Every shortcut as "Ctrl+K: Conversation › Find conversation". */
    public static List<String> lines(UiContext ui, JMenuBar bar) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < bar.getMenuCount(); i++) {
            collect(bar.getMenu(i), bar.getMenu(i).getText(), lines);
        }
        for (int i = 1; ui.texts().has("shortcuts.fixed." + i); i++) {
            lines.add(ui.texts().get("shortcuts.fixed." + i));
        }
        return lines;
    }

    private static void collect(JMenu menu, String path, List<String> lines) {
        for (Component item : menu.getMenuComponents()) {
            if (item instanceof JMenu sub) {
                collect(sub, path + " › " + sub.getText(), lines);
            } else if (item instanceof JMenuItem entry && entry.getAccelerator() != null) {
                lines.add(keys(entry.getAccelerator()) + ": " + path + " › " + entry.getText());
            }
        }
    }

    /** "Ctrl+Shift+P". */
    public static String keys(KeyStroke stroke) {
        String modifiers = KeyEvent.getModifiersExText(stroke.getModifiers());
        String key = KeyEvent.getKeyText(stroke.getKeyCode());
        return modifiers.isEmpty() ? key : modifiers + "+" + key;
    }
}
