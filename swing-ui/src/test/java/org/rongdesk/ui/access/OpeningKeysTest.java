package org.rongdesk.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.EventQueue;
import java.awt.KeyboardFocusManager;
import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JList;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rongdesk.ui.app.Keys;
import org.rongdesk.ui.dialog.Dialogs;
import org.rongdesk.ui.testing.GuiTest;

/**
 * A real window under Xvfb, fed key events the way AWT's X11 toolkit posts them: a press, then
 * its typed character stamped by the clock a moment later (0, 1, 2 or 5 ms: the toolkit reads
 * the clock once for each), then the release. Each way of opening a dialog from a key is tried
 * many times; only what is typed after the dialog opened may reach it.
 */
class OpeningKeysTest extends GuiTest {
    private static final int[] LAGS_MS = {0, 1, 2, 5};
    private static final int ROUNDS = 5;
    private JFrame frame;
    private JMenu menu;
    private JList<String> list;
    private final List<String> typedIntoDialogs = new ArrayList<>();

    @BeforeEach
    void window() {
        OpeningKeys.install();
        doOnEdt(() -> {
            frame = new JFrame("owner");
            JMenuBar bar = new JMenuBar();
            menu = new JMenu("Message");
            menu.setMnemonic('M');
            JMenuItem item = new JMenuItem("Set extra");
            item.setMnemonic('X');
            item.addActionListener(e -> askInDialog());
            menu.add(item);
            bar.add(menu);
            frame.setJMenuBar(bar);
            list = new JList<>(new String[] {"alpha", "beta"});
            // the history's own key: a plain key (Space) bound on the list opens a dialog on its press
            Keys.bind(list, "history.open", this::askInDialog);
            frame.add(list);
            frame.setSize(300, 200);
            frame.setVisible(true);
        });
    }

    @AfterEach
    void close() {
        dispose(frame);
    }

    @Test
    void aMenuMnemonicDoesNotTypeIntoTheDialogItOpens() {
        for (int round = 0; round < ROUNDS; round++) {
            for (int lag : LAGS_MS) {
                focusList();
                doOnEdt(menu::doClick);
                // the open menu takes the focus to the root pane; then X picks the item
                await("the menu is open", 5, () -> menu.isPopupMenuVisible()
                        && focusOwner() == frame.getRootPane());
                assertThat(openAndType(frame.getRootPane(), KeyEvent.VK_X, 'x', lag)).as("lag %d ms", lag).isEqualTo("y");
            }
        }
        assertThat(typedIntoDialogs).hasSize(ROUNDS * LAGS_MS.length);
    }

    @Test
    void aKeyBindingDoesNotTypeIntoTheDialogItOpens() {
        for (int round = 0; round < ROUNDS; round++) {
            for (int lag : LAGS_MS) {
                focusList();
                assertThat(openAndType(list, KeyEvent.VK_SPACE, ' ', lag)).as("lag %d ms", lag).isEqualTo("y");
            }
        }
    }

    @Test
    void aCharacterTypedInTheSameWindowStillArrives() {
        doOnEdt(() -> {
            JTextField field = new JTextField(10);
            frame.add(field, java.awt.BorderLayout.SOUTH);
            frame.validate();
        });
        JTextField field = onEdt(() -> (JTextField) frame.getContentPane().getComponent(1));
        robot.focusAndWaitForFocusGain(field);
        for (int lag : LAGS_MS) {
            post(field, KeyEvent.VK_A, 'a', lag);
        }
        await("typed", 5, () -> field.getText().equals("aaaa"));
    }

    /** Presses {@code key} (which opens a dialog), then types y once the dialog's field has the focus. */
    private String openAndType(Component target, int key, char character, int lag) {
        int before = onEdt(typedIntoDialogs::size);
        post(target, key, character, lag);
        await("the dialog's field has the focus", 5, () -> focusOwner() instanceof JTextField);
        JTextField field = (JTextField) onEdt(OpeningKeysTest::focusOwner);
        post(field, KeyEvent.VK_Y, 'y', 0);
        await("y arrived", 5, () -> field.getText().contains("y"));
        doOnEdt(() -> SwingUtilities.getWindowAncestor(field).dispose());
        await("the dialog closed", 5, () -> typedIntoDialogs.size() == before + 1);
        return onEdt(() -> typedIntoDialogs.get(before));
    }

    private void askInDialog() {
        JDialog dialog = new JDialog(frame, "ask", true);
        JTextField field = new JTextField(10);
        dialog.add(field);
        dialog.pack();
        dialog.setLocationRelativeTo(frame);
        Dialogs.modal(dialog);
        typedIntoDialogs.add(field.getText());
    }

    private void focusList() {
        // requestFocus, not ...InWindow: without a window manager the frame gets no focus back by itself
        doOnEdt(list::requestFocus);
        await("the list has the focus", 5, () -> focusOwner() == list);
    }

    /** Posts a key's press, typed character ({@code lagMs} younger) and release, as XToolkit does. */
    private static void post(Component target, int key, char character, int lagMs) {
        EventQueue queue = Toolkit.getDefaultToolkit().getSystemEventQueue();
        long pressed = System.currentTimeMillis();
        queue.postEvent(new KeyEvent(target, KeyEvent.KEY_PRESSED, pressed, 0, key, character));
        queue.postEvent(new KeyEvent(target, KeyEvent.KEY_TYPED, pressed + lagMs, 0, KeyEvent.VK_UNDEFINED, character));
        queue.postEvent(new KeyEvent(target, KeyEvent.KEY_RELEASED, pressed + lagMs + 1, 0, key, character));
    }

    private static Component focusOwner() {
        return KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
    }
}
