package org.rongdesk.ui.history;

import java.awt.Window;
import java.text.NumberFormat;

import org.rongdesk.ui.app.MessageItem;
import org.rongdesk.ui.app.MessageWords;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.InfoDialog;
import org.rongdesk.ui.media.Links;

/** A location, text first: the place's name and its coordinates; then its map image and a map in the browser. */
final class LocationDialog extends InfoDialog {
    LocationDialog(Window owner, UiContext ui, MessageItem message, MessageWords words, Runnable showImage) {
        super(owner, ui, ui.texts().get("location.title"));
        NumberFormat format = NumberFormat.getNumberInstance(ui.texts().locale());
        format.setMaximumFractionDigits(6);
        double latitude = MessageWords.number(message.content(), "latitude");
        double longitude = MessageWords.number(message.content(), "longitude");
        String place = message.text("poi");
        line("location.place", place.isEmpty() ? ui.texts().get("location.noPlace") : place);
        line("location.latitude", format.format(latitude));
        line("location.longitude", format.format(longitude));
        if (!message.text("imageUrl").isEmpty() || !message.text("imagePath").isEmpty()) {
            button("location.showMap", showImage);
        }
        button("location.openMap", () -> Links.open(ui, "https://www.openstreetmap.org/?mlat=" + latitude + "&mlon=" + longitude
                + "#map=16/" + latitude + "/" + longitude));
    }
}
