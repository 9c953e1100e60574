package org.rongdesk.ui.app;

import java.awt.event.ActionEvent;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.KeyStroke;

import org.rongdesk.ui.i18n.Texts;

/** Builds menu actions: words and mnemonic from the bundle, an optional accelerator. */
public final class Actions {
    private Actions() {
    }

    /**
     * An action named by {@code key}; {@code accelerator} in {@link KeyStroke#getKeyStroke(String)}
     * form ("ctrl shift P") or null.
     */
    public static Action of(Texts texts, String key, String accelerator, Runnable run) {
        Action action = new AbstractAction(texts.get(key)) {
            @Override
            public void actionPerformed(ActionEvent e) {
                run.run();
            }
        };
        int mnemonic = texts.mnemonicOf(key);
        if (mnemonic != 0) {
            action.putValue(Action.MNEMONIC_KEY, mnemonic);
        }
        if (accelerator != null) {
            KeyStroke stroke = KeyStroke.getKeyStroke(accelerator);
            if (stroke == null) {
                throw new IllegalArgumentException("not a key stroke: " + accelerator);
            }
            action.putValue(Action.ACCELERATOR_KEY, stroke);
        }
        return action;
    }
}
