package org.rongdesk.ui.composer;

import java.awt.Window;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.Optional;

import javax.swing.JButton;
import javax.swing.JTextField;

import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.Dialogs;
import org.rongdesk.ui.dialog.FormDialog;

/** Asks for a location to send: latitude, longitude, the place's name, and optionally a map image. */
final class LocationForm {
    /** What the user entered. */
    record Location(double latitude, double longitude, String place, String image) {
    }

    private final UiContext ui;
    private final FormDialog form;
    private final JTextField latitude = new JTextField(12);
    private final JTextField longitude = new JTextField(12);
    private final JTextField place = new JTextField(30);
    private final JTextField image = new JTextField(30);

    LocationForm(Window owner, UiContext ui) {
        this.ui = ui;
        form = new FormDialog(owner, ui, ui.texts().get("action.sendLocation"));
        form.field("location.latitudeField", latitude);
        form.field("location.longitudeField", longitude);
        form.field("location.placeField", place);
        form.field("location.imageField", image);
        JButton browse = form.row(ui.texts().button(new JButton(), "location.browse"));
        browse.addActionListener(e -> Dialogs.chooseFile(form, null, Dialogs.imageFiles(ui.texts()))
                .ifPresent(file -> image.setText(file.toString())));
        form.okButton().setText(ui.texts().get("composer.send"));
        form.setCheck(this::problem);
    }

    Optional<Location> ask() {
        if (!form.ask()) {
            return Optional.empty();
        }
        return Optional.of(new Location(number(latitude).orElseThrow(), number(longitude).orElseThrow(), place.getText().strip(),
                image.getText().strip()));
    }

    private String problem() {
        if (number(latitude).filter(v -> v >= -90 && v <= 90).isEmpty()) {
            latitude.requestFocusInWindow();
            return ui.texts().get("location.badLatitude");
        }
        if (number(longitude).filter(v -> v >= -180 && v <= 180).isEmpty()) {
            longitude.requestFocusInWindow();
            return ui.texts().get("location.badLongitude");
        }
        return null;
    }

    /** A number typed in the user's locale or with a dot. */
    private Optional<Double> number(JTextField field) {
        String text = field.getText().strip();
        for (Locale locale : new Locale[] {ui.texts().locale(), Locale.ROOT}) {
            ParsePosition at = new ParsePosition(0);
            Number parsed = NumberFormat.getNumberInstance(locale).parse(text, at);
            if (parsed != null && at.getIndex() == text.length() && !text.isEmpty()) {
                return Optional.of(parsed.doubleValue());
            }
        }
        return Optional.empty();
    }
}
