package org.rongdesk.message;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.chat_markers.element.ChatMarkersElements;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.EntityBareJid;
import org.rongdesk.base.XmlChars;
import org.rongdesk.content.BuiltInTypes;
import org.rongdesk.content.ContentTypes;
import org.rongdesk.model.StoredMessage;

/**
 * Writes a stored message as the stanza that carries it: a readable {@code <body>} (the type's
 * summary, and the file's URL) for any XMPP client, the content as JSON in {@code <rc>}, an
 * image's thumbnail inline, the origin id (XEP-0359) and, for private messages, a request for a
 * delivery receipt (XEP-0184), the chat state {@code active} (XEP-0085) and {@code markable}
 * (XEP-0333).
 */
final class StanzaWriter {
    private static final Logger LOG = Logger.getLogger(StanzaWriter.class.getName());
    private final ContentTypes types;

    StanzaWriter(ContentTypes types) {
        this.types = types;
    }

    Message write(StoredMessage message, EntityBareJid to, String originId, Message.Type type) {
        JsonObject wire = WireContent.toWire(message.objectName(), message.content());
        if (message.objectName().equals(BuiltInTypes.IMAGE)) {
            thumbnail(message.content()).ifPresent(thumb -> wire.addProperty("thumbnail", thumb));
        }
        String summary = types.get(message.objectName()).map(content -> content.summary(wire)).orElse(message.objectName());
        String url = wire.has(WireContent.urlField(message.objectName()))
                ? wire.get(WireContent.urlField(message.objectName())).getAsString() : "";
        MessageBuilder stanza = StanzaBuilder.buildMessage(originId)
                .to(to)
                .ofType(type)
                .setBody(XmlChars.replaceUnsafe(url.isEmpty() ? summary : summary + " " + url))
                .addExtension(RcElement.of(message.objectName(), XmlChars.escapeInJson(wire.toString())))
                .addExtension(new OriginIdElement(originId));
        if (type == Message.Type.chat) {
            DeliveryReceiptRequest.addTo(stanza);
            stanza.addExtension(new ChatStateExtension(ChatState.active)); // typing ends with the message (XEP-0085)
            stanza.addExtension(ChatMarkersElements.MarkableExtension.INSTANCE); // read receipts may name it (XEP-0333)
        }
        return stanza.build();
    }

    private static Optional<String> thumbnail(JsonObject content) {
        String path = content.has("thumbPath") ? content.get("thumbPath").getAsString() : "";
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(path))));
        } catch (IOException e) {
            LOG.info(() -> "the thumbnail " + path + " is gone; the image goes without one");
            return Optional.empty();
        }
    }
}
