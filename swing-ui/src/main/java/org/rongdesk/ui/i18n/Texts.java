package org.rongdesk.ui.i18n;

import java.awt.Component;
import java.awt.event.KeyEvent;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import javax.swing.AbstractButton;
import javax.swing.JLabel;

/**
 * The UI's words ({@code org/rongdesk/ui/i18n/Texts*.properties}, UTF-8). A label may mark its
 * mnemonic with {@code &} ({@code &File}, {@code 文件(&F)}): {@link #button} and {@link #label}
 * take it off and set the mnemonic.
 */
public final class Texts {
    private final ResourceBundle bundle;
    private final Locale locale;

    public Texts(Locale locale) {
        this.locale = locale;
        // no fallback to the system locale: a Chinese system that chooses English gets English
        this.bundle = ResourceBundle.getBundle("org.rongdesk.ui.i18n.Texts", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key}, with arguments filled in ({@link MessageFormat}); the key itself when missing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? plain(pattern) : new MessageFormat(plain(pattern), locale).format(args);
    }

    /** Sets a button's or menu item's text and mnemonic from {@code key}. */
    public <B extends AbstractButton> B button(B button, String key, Object... args) {
        String raw = raw(key);
        button.putClientProperty("html.disable", Boolean.TRUE);
        button.setText(args.length == 0 ? plain(raw) : new MessageFormat(plain(raw), locale).format(args));
        int mnemonic = mnemonic(raw);
        if (mnemonic != 0) {
            button.setMnemonic(mnemonic);
        }
        return button;
    }

    /** Sets a label's text and mnemonic from {@code key}; the label names {@code target} for screen readers. */
    public JLabel label(String key, Component target) {
        String raw = raw(key);
        JLabel label = new JLabel();
        label.putClientProperty("html.disable", Boolean.TRUE);
        label.setText(plain(raw));
        int mnemonic = mnemonic(raw);
        if (mnemonic != 0) {
            label.setDisplayedMnemonic(mnemonic);
        }
        label.setLabelFor(target);
        return label;
    }

    /** The mnemonic key code marked in {@code key}'s text, or 0. */
    public int mnemonicOf(String key) {
        return mnemonic(raw(key));
    }

    /** Whether the bundle has {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    private String raw(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The text without its {@code &} marker ({@code &&} is a literal ampersand). */
    static String plain(String text) {
        return text.replace("&&", "\u0000").replace("&", "").replace('\u0000', '&');
    }

    /** The key code of the character after a single {@code &}, or 0. */
    static int mnemonic(String text) {
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) == '&') {
                if (text.charAt(i + 1) == '&') {
                    i++;
                    continue;
                }
                return KeyEvent.getExtendedKeyCodeForChar(text.charAt(i + 1));
            }
        }
        return 0;
    }
}
