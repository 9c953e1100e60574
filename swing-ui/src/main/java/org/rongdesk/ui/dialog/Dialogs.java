package org.rongdesk.ui.dialog;

import java.awt.Component;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;

import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JOptionPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.UIManager;

import org.rongdesk.ui.access.A11y;

/** Small dialog helpers that keep untrusted text plain. */
public final class Dialogs {
    private Dialogs() {
    }

    /** Esc closes {@code dialog}. */
    public static void closeOnEscape(JDialog dialog) {
        JComponent root = dialog.getRootPane();
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "close");
        root.getActionMap().put("close", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                dialog.dispose();
            }
        });
    }

    /** Text shown as plain, wrapped, read-only lines (a JOptionPane would render a string starting with {@code <html>}). */
    public static JTextArea wrapped(String text) {
        JTextArea area = A11y.plain(new JTextArea(text));
        area.setEditable(false);
        area.setLineWrap(true);
        area.setWrapStyleWord(true);
        area.setFocusable(false);
        area.setOpaque(false);
        area.setFont(UIManager.getFont("Label.font"));
        area.setColumns(Math.min(40, Math.max(10, text.length())));
        area.getAccessibleContext().setAccessibleName(text);
        return area;
    }

    /** Asks a yes/no question; true for yes. */
    public static boolean confirm(Component parent, String title, String question) {
        return JOptionPane.showConfirmDialog(parent, wrapped(question), title, JOptionPane.YES_NO_OPTION,
                JOptionPane.QUESTION_MESSAGE) == JOptionPane.YES_OPTION;
    }

    /** Tells something that needs the user's attention (an error they must act on). */
    public static void inform(Component parent, String title, String text) {
        JOptionPane.showMessageDialog(parent, wrapped(text), title, JOptionPane.INFORMATION_MESSAGE);
    }
}
