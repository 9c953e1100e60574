package org.rongdesk.ui.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.EventQueue;
import java.awt.Toolkit;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.KeyEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;

/** A real window under Xvfb. */
class DialogsTest {
    @Test
    void theCharacterOfTheKeyThatOpensADialogIsNotTypedIntoIt() throws Exception {
        CompletableFuture<String> typed = new CompletableFuture<>();
        JFrame[] frame = new JFrame[1];
        SwingUtilities.invokeAndWait(() -> {
            frame[0] = new JFrame("owner");
            frame[0].setSize(200, 100);
            frame[0].setVisible(true);
        });
        // as a menu mnemonic does: the dialog opens while the key's press is dispatched, and the
        // character the same key types (same time stamp) comes after, when the field has the focus
        EventQueue.invokeLater(() -> {
            long keyTime = EventQueue.getMostRecentEventTime();
            JDialog dialog = new JDialog(frame[0], "ask", true);
            JTextField field = new JTextField(10);
            dialog.add(field);
            dialog.pack();
            field.addFocusListener(new FocusAdapter() {
                @Override
                public void focusGained(FocusEvent e) {
                    EventQueue queue = Toolkit.getDefaultToolkit().getSystemEventQueue();
                    queue.postEvent(new KeyEvent(field, KeyEvent.KEY_TYPED, keyTime, 0, KeyEvent.VK_UNDEFINED, 'x'));
                    queue.postEvent(new KeyEvent(field, KeyEvent.KEY_TYPED, keyTime + 1000, 0, KeyEvent.VK_UNDEFINED, 'y'));
                    EventQueue.invokeLater(dialog::dispose);
                }
            });
            Dialogs.modal(frame[0], () -> {
                dialog.setVisible(true);
                return null;
            });
            typed.complete(field.getText());
        });
        try {
            assertThat(typed.get(20, TimeUnit.SECONDS)).as("only what was typed after the dialog opened").isEqualTo("y");
        } finally {
            SwingUtilities.invokeAndWait(frame[0]::dispose);
        }
    }
}
