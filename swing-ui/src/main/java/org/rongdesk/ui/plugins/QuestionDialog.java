package org.rongdesk.ui.plugins;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Window;
import java.util.List;
import java.util.Optional;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JPanel;
import javax.swing.JRootPane;

import org.rongdesk.ui.access.QuietRootPane;
import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.Dialogs;

/**
 * A plugin's question (a friend request): its text and one button per choice; Esc answers
 * nothing (the question stays unanswered). The text comes from a plugin and is shown plain.
 */
final class QuestionDialog extends JDialog {
    /** Layers a screen reader passes over ({@link QuietRootPane}). */
    @Override
    protected JRootPane createRootPane() {
        return QuietRootPane.create();
    }

    private String chosen;

    QuestionDialog(Window owner, UiContext ui, String pluginId, String text, List<String> choices) {
        super(owner, ui.texts().get("plugins.question", pluginId), ModalityType.APPLICATION_MODAL);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING));
        for (String choice : choices) {
            JButton button = A11y.plain(new JButton(choice));
            button.addActionListener(e -> {
                chosen = choice;
                dispose();
            });
            buttons.add(button);
        }
        JPanel body = new JPanel(new BorderLayout(0, 8));
        body.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        body.add(Dialogs.wrapped(text), BorderLayout.CENTER);
        body.add(buttons, BorderLayout.SOUTH);
        setContentPane(body);
        getAccessibleContext().setAccessibleDescription(text);
        if (buttons.getComponentCount() > 0) {
            getRootPane().setDefaultButton((JButton) buttons.getComponent(0));
        }
        Dialogs.closeOnEscape(this);
    }

    Optional<String> ask() {
        pack();
        setLocationRelativeTo(getOwner());
        Dialogs.modal(this);
        return Optional.ofNullable(chosen);
    }
}
