package org.rongdesk.ui.main;

import java.nio.file.Path;
import java.util.Optional;

import javax.swing.JButton;
import javax.swing.JPasswordField;
import javax.swing.JTextField;

import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.Dialogs;
import org.rongdesk.ui.dialog.FormDialog;

/**
 * Signing in by hand: the config file (typed or chosen) and a pasted token. Shown when the
 * command line gave no token, or the one given was refused. The token is held in memory only.
 */
final class SignInDialog {
    /** What the user entered. */
    record Entry(Path config, String token) {
    }

    private final FormDialog form;
    private final JTextField config = new JTextField(36);
    private final JPasswordField token = new JPasswordField(36);

    SignInDialog(UiContext ui, Optional<Path> configGiven, String problem) {
        form = new FormDialog(null, ui, ui.texts().get("signin.title"));
        if (problem != null) {
            form.note(problem);
        }
        configGiven.ifPresent(path -> config.setText(path.toString()));
        form.field("signin.config", config);
        JButton browse = form.row(ui.texts().button(new JButton(), "signin.browse"));
        browse.addActionListener(e -> Dialogs.chooseFile(form, null, null).ifPresent(file -> config.setText(file.toString())));
        form.field("signin.token", token);
        A11y.named(token, ui.texts().get("signin.tokenName"));
        form.okButton().setText(ui.texts().get("signin.ok"));
        form.setCheck(() -> config.getText().isBlank() ? ui.texts().get("signin.needConfig")
                : token.getPassword().length == 0 ? ui.texts().get("signin.needToken") : null);
    }

    Optional<Entry> ask() {
        if (!form.ask()) {
            return Optional.empty();
        }
        return Optional.of(new Entry(Path.of(config.getText().strip()), new String(token.getPassword()).strip()));
    }
}
