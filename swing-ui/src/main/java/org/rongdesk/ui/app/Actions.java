package org.rongdesk.ui.app;

import java.awt.event.ActionEvent;

import javax.swing.AbstractAction;
import javax.swing.Action;

import org.rongdesk.ui.i18n.Texts;

/** Builds menu actions: words and mnemonic from the bundle, the accelerator from the {@link Keymap}. */
public final class Actions {
    private Actions() {
    }

    /** An action named by {@code key}, with the keymap's key for {@code key} as its accelerator if it has one. */
    public static Action of(Texts texts, String key, Runnable run) {
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
        Keymap.accelerator(key).ifPresent(stroke -> action.putValue(Action.ACCELERATOR_KEY, stroke));
        return action;
    }
}
