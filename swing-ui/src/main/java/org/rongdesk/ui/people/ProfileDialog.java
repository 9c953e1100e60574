package org.rongdesk.ui.people;

import com.google.gson.JsonObject;

import java.awt.FlowLayout;
import java.awt.Window;
import java.util.Optional;

import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JTextField;

import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.app.Edt;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.Dialogs;
import org.rongdesk.ui.dialog.FormDialog;

/**
 * People → Profile…: the name others see and the picture beside it. Choose picture… picks an
 * image file (core makes it a small PNG), Remove picture takes it away; OK saves both through
 * {@code setUserInfo} and closes once the server has them. A refusal (a name over 64 characters,
 * a file that is not a picture) keeps the dialog open, says what is wrong in words and puts the
 * focus on the field at fault.
 */
final class ProfileDialog {
    /** The code of a parameter core refuses; its message starts with the parameter's name. */
    private static final int INVALID = -10002;

    private final UiContext ui;
    private final Names names;
    private final FormDialog form;
    private final JTextField name = A11y.plain(new JTextField(30));
    private final PictureLabel picture;
    private final JButton choose;
    /** The picture to save: null keeps it, "" removes it, else the image file chosen. */
    private String portraitPath;
    private Person saved;

    ProfileDialog(Window owner, UiContext ui, Names names, Avatars avatars, Person own) {
        this.ui = ui;
        this.names = names;
        form = new FormDialog(owner, ui, ui.texts().get("profile.title"));
        name.setText(own.name());
        name.setName("profileName");
        form.field("profile.name", name);
        picture = new PictureLabel(avatars);
        picture.show(own.picture().orElse(null), ui.texts().get("profile.yourPicture"), ui.texts().get("people.noPicture"));
        choose = ui.texts().button(new JButton(), "profile.choose");
        choose.addActionListener(e -> choose());
        JButton remove = ui.texts().button(new JButton(), "profile.remove");
        remove.addActionListener(e -> remove());
        JPanel pictureRow = new JPanel(new FlowLayout(FlowLayout.LEADING, 8, 0));
        pictureRow.add(picture);
        pictureRow.add(choose);
        pictureRow.add(remove);
        form.row(pictureRow);
        form.setSubmit(this::save);
    }

    /** Shows the dialog and waits; the profile as saved, if it was. */
    Optional<Person> ask() {
        boolean accepted = form.ask();
        picture.stop();
        return accepted ? Optional.ofNullable(saved) : Optional.empty();
    }

    private void choose() {
        Dialogs.chooseFile(form, ui.texts().get("profile.chooseTitle"), Dialogs.imageFiles(ui.texts())).ifPresent(file -> {
            portraitPath = file.toString();
            String words = ui.texts().get("profile.chosen", file.getFileName());
            picture.show(file, words, ui.texts().get("people.noPicture"));
            ui.announcer().announce(words);
        });
    }

    private void remove() {
        portraitPath = "";
        picture.show(null, "", ui.texts().get("people.noPicture"));
        ui.announcer().announce(ui.texts().get("profile.removed"));
    }

    private void save(FormDialog.Outcome outcome) {
        JsonObject params = Json.of("name", name.getText(), "portraitPath", portraitPath);
        ui.client().rong().setUserInfo(params, Edt.callback((ret, err) -> {
            if (err == null) {
                saved = Person.from(Json.result(ret));
                names.put(saved);
                outcome.done();
            } else {
                refused(err, outcome);
            }
        }));
    }

    /** Says a refusal in words, the focus on the field it names. */
    private void refused(JsonObject err, FormDialog.Outcome outcome) {
        String message = err.has("msg") ? err.get("msg").getAsString() : "";
        int code = err.has("code") ? err.get("code").getAsInt() : 0;
        int colon = message.indexOf(": ");
        String field = colon > 0 ? message.substring(0, colon) : "";
        String detail = colon > 0 ? message.substring(colon + 2) : message;
        if (code == INVALID && "name".equals(field)) {
            outcome.failed(ui.texts().get("profile.badName", detail), name);
        } else if (code == INVALID && "portraitPath".equals(field)) {
            outcome.failed(ui.texts().get("profile.badPicture", detail), choose);
        } else {
            outcome.failed(ui.texts().get("profile.notSaved", Edt.describe(err)), null);
        }
    }
}
