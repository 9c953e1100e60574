package org.rongdesk.ui.access;

import java.awt.Component;
import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.KeyEvent;

import javax.swing.SwingUtilities;

/**
 * Keeps the character of a key out of a window that the key itself opened: the X in Alt+M, X
 * must not be typed into the dialog that X opened, whatever opened it (a menu mnemonic, an
 * accelerator, a key binding, a button).
 *
 * <p>Why a timestamp cannot tell: AWT's X11 toolkit stamps each key event with the clock when it
 * posts it, the press first and its typed character after, so the character is now and then a
 * millisecond or more younger than its press. When the press opens a window, AWT's focus
 * type-ahead holds every key event younger than the press for the new window's focus owner —
 * and that character with it, so it lands in the new window's first field. What does hold is the
 * order: the toolkit posts a press's character right after the press, before any later key. So a
 * character is dropped when the window it would go to is not the window its press went to.
 */
public final class OpeningKeys implements KeyEventDispatcher {
    private static final OpeningKeys INSTANCE = new OpeningKeys();
    private static boolean installed;
    private Window pressedIn;
    private char pressedChar = KeyEvent.CHAR_UNDEFINED;

    private OpeningKeys() {
    }

    /** Watches every key from now on (once per JVM; later calls do nothing). */
    public static synchronized void install() {
        if (!installed) {
            KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(INSTANCE);
            installed = true;
        }
    }

    @Override
    public boolean dispatchKeyEvent(KeyEvent event) {
        if (event.getID() == KeyEvent.KEY_PRESSED) {
            pressedIn = windowOf(event.getComponent());
            pressedChar = event.getKeyChar();
            return false;
        }
        if (event.getID() != KeyEvent.KEY_TYPED) {
            return false;
        }
        Window pressed = pressedIn;
        char expected = pressedChar;
        pressedIn = null;
        pressedChar = KeyEvent.CHAR_UNDEFINED;
        boolean openedByIt = pressed != null && expected == event.getKeyChar() && windowOf(event.getComponent()) != pressed;
        if (openedByIt) {
            event.consume();
        }
        return openedByIt;
    }

    private static Window windowOf(Component component) {
        return component == null ? null : component instanceof Window window ? window : SwingUtilities.getWindowAncestor(component);
    }
}
