package org.rongdesk.ui.history;

import com.google.gson.GsonBuilder;

import java.awt.Window;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.rongdesk.ui.app.MessageItem;
import org.rongdesk.ui.app.MessageWords;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.InfoDialog;

/** Everything about a message, each fact in its own field: who (name and user id), when, kind, status, text, extra, content. */
final class DetailsDialog extends InfoDialog {
    DetailsDialog(Window owner, UiContext ui, MessageItem message, String spoken, MessageWords words) {
        super(owner, ui, ui.texts().get("details.title"));
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(ui.texts().locale());
        line("details.message", spoken);
        line("details.sender", ui.texts().get("details.person", message.sent() ? ui.texts().get("history.you")
                : words.name(message.senderUserId()), message.senderUserId()));
        line("details.time", format.format(Instant.ofEpochMilli(message.sentTime()).atZone(ZoneId.systemDefault())));
        line("details.kind", message.objectName());
        if (message.sent()) {
            line("details.status", ui.texts().get("sentStatus." + message.sentStatus()));
        }
        if (!message.extra().isEmpty()) {
            line("details.extra", message.extra());
        }
        line("details.content", new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(message.content()));
    }
}
