package org.rongdesk.ui.composer;

import java.awt.Window;
import java.net.URI;
import java.util.Optional;

import javax.swing.JTextArea;
import javax.swing.JTextField;

import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.FormDialog;

/** Asks for rich content to send: a title, a description, a link and an image address (both http or https). */
final class RichContentForm {
    /** What the user entered. */
    record Content(String title, String description, String url, String imageUrl) {
    }

    private final UiContext ui;
    private final FormDialog form;
    private final JTextField title = new JTextField(30);
    private final JTextArea description = new JTextArea(4, 30);
    private final JTextField url = new JTextField(30);
    private final JTextField imageUrl = new JTextField(30);

    RichContentForm(Window owner, UiContext ui) {
        this.ui = ui;
        form = new FormDialog(owner, ui, ui.texts().get("action.sendRich"));
        form.field("rich.titleField", title);
        form.field("rich.descriptionField", description);
        form.field("rich.urlField", url);
        form.field("rich.imageField", imageUrl);
        form.okButton().setText(ui.texts().get("composer.send"));
        form.setCheck(this::problem);
    }

    Optional<Content> ask() {
        return form.ask() ? Optional.of(new Content(title.getText().strip(), description.getText().strip(),
                url.getText().strip(), imageUrl.getText().strip())) : Optional.empty();
    }

    private String problem() {
        if (title.getText().isBlank()) {
            title.requestFocusInWindow();
            return ui.texts().get("rich.needTitle");
        }
        for (JTextField field : new JTextField[] {url, imageUrl}) {
            if (!field.getText().isBlank() && !web(field.getText().strip())) {
                field.requestFocusInWindow();
                return ui.texts().get("rich.badUrl", field.getText().strip());
            }
        }
        return null;
    }

    private static boolean web(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
