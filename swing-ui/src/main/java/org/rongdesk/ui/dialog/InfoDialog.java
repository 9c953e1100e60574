package org.rongdesk.ui.dialog;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.KeyboardFocusManager;
import java.awt.Window;

import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRootPane;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

import org.rongdesk.ui.access.QuietRootPane;
import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.i18n.Texts;

/**
 * A dialog that shows facts: each a label and a read-only field the user can Tab to, read and
 * copy (a screen reader reads a focused field; it may skip a bare label), then buttons and Close.
 * Esc closes it.
 */
public class InfoDialog extends JDialog {
    /** Layers a screen reader passes over ({@link QuietRootPane}). */
    @Override
    protected JRootPane createRootPane() {
        return QuietRootPane.create();
    }

    private final Texts texts;
    private final FormGrid lines = new FormGrid();
    private final JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING));
    private JComponent first;

    public InfoDialog(Window owner, UiContext ui, String title) {
        super(owner, title, ModalityType.APPLICATION_MODAL);
        this.texts = ui.texts();
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        JButton close = texts.button(new JButton(), "dialog.close");
        close.addActionListener(e -> dispose());
        getContentPane().add(lines.panel(), BorderLayout.CENTER);
        getContentPane().add(buttons, BorderLayout.SOUTH);
        buttons.add(close);
        getRootPane().setDefaultButton(close);
        Dialogs.closeOnEscape(this);
    }

    /** A fact: {@code labelKey}'s words and {@code value}, in a read-only field (several lines when it has them). */
    public JTextComponent line(String labelKey, String value) {
        JTextComponent field;
        if (value.contains("\n") || value.length() > 60) {
            JTextArea area = new JTextArea(value, Math.min(8, 1 + value.length() / 60 + (int) value.lines().count()), 40);
            area.setLineWrap(true);
            area.setWrapStyleWord(true);
            area.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
            area.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
            field = area;
        } else {
            field = new JTextField(value, Math.max(20, Math.min(40, value.length() + 2)));
        }
        A11y.plain(field);
        field.setEditable(false);
        field.setCaretPosition(0);
        JLabel label = texts.label(labelKey, field);
        add(label, field instanceof JTextArea ? new JScrollPane(field) : field);
        return field;
    }

    /** A component across the dialog (an image). */
    public void wide(JComponent component) {
        lines.wide(component, false);
    }

    /** A button before Close. */
    public JButton button(String key, Runnable run) {
        JButton button = texts.button(new JButton(), key);
        button.addActionListener(e -> run.run());
        buttons.add(button, buttons.getComponentCount() - 1);
        return button;
    }

    /** Shows the dialog (and waits until it closes). */
    public void open() {
        pack();
        setLocationRelativeTo(getOwner());
        if (first != null) {
            SwingUtilities.invokeLater(first::requestFocusInWindow);
        }
        Dialogs.modal(this);
    }

    private void add(JLabel label, JComponent shown) {
        lines.row(label, shown);
        if (first == null) {
            first = label.getLabelFor() instanceof JComponent target ? target : shown;
        }
    }
}
