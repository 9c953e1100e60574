package org.rongdesk.ui.history;

import java.awt.Window;

import org.rongdesk.ui.app.MessageItem;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.InfoDialog;
import org.rongdesk.ui.media.Links;

/**
 * Rich content: title, description, and its link and image as links the browser opens. The
 * image is not fetched here: an address from a message is only visited when the user asks.
 */
final class RichContentDialog extends InfoDialog {
    RichContentDialog(Window owner, UiContext ui, MessageItem message) {
        super(owner, ui, ui.texts().get("rich.title"));
        line("rich.heading", message.text("title"));
        line("rich.description", message.text("description"));
        String url = message.text("url");
        String image = message.text("imageUrl");
        if (!url.isEmpty()) {
            line("rich.link", url);
            button("rich.openLink", () -> Links.open(ui, url));
        }
        if (!image.isEmpty()) {
            line("rich.image", image);
            button("rich.openImage", () -> Links.open(ui, image));
        }
    }
}
