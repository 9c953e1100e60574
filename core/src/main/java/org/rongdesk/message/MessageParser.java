package org.rongdesk.message;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;

import java.io.StringReader;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.rongdesk.content.BuiltInTypes;
import org.rongdesk.content.ContentTypes;
import org.rongdesk.media.ImageFiles;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.MessageDirection;
import org.rongdesk.plugin.api.InvalidContentException;
import org.rongdesk.plugin.api.MessageType;

/**
 * Reads chat and room messages off the wire. The sender is always what the server vouches for
 * (a chat message's {@code from}; a room occupant's real address as {@link Vouched} reads it),
 * never anything inside the payload. A payload that is not valid JSON, too large, nested too
 * deep, or wrong for its type falls back to the readable {@code <body>} as a text message; a
 * stanza with neither (a chat state, a receipt) is no message. Every fallback is logged.
 */
final class MessageParser {
    private static final Logger LOG = Logger.getLogger(MessageParser.class.getName());
    /** Largest payload read, in characters of JSON. */
    static final int MAX_PAYLOAD = 256 * 1024;
    /** Deepest nesting of arrays and objects read; Gson's tree is built and copied by recursion. */
    static final int MAX_DEPTH = 64;

    private final Addresses addresses;
    private final ContentTypes types;
    private final BareJid self;
    private final Function<EntityFullJid, Optional<BareJid>> occupants;

    /**
     * @param occupants the real address of a room occupant, as the room's presence tells it
     */
    MessageParser(Addresses addresses, ContentTypes types, BareJid self, Function<EntityFullJid, Optional<BareJid>> occupants) {
        this.addresses = addresses;
        this.types = types;
        this.self = self;
        this.occupants = occupants;
    }

    /**
     * Parses {@code message}, which came by {@code route}; {@code archived} is the time the
     * server's archive gives it, {@code archiveId} its archive id, when it came that way.
     */
    Optional<ParsedMessage> parse(Message message, Route route, Date archived, String archiveId) {
        if (message.getType() == Message.Type.error || message.getType() == Message.Type.headline) {
            return Optional.empty();
        }
        Jid from = message.getFrom();
        if (message.getType() == Message.Type.groupchat) {
            return parseRoom(message, from, route, archived, archiveId);
        }
        BareJid sender = from == null ? null : from.asBareJid();
        boolean own = self.equals(sender);
        BareJid counterpart = own ? (message.getTo() == null ? null : message.getTo().asBareJid()) : sender;
        Optional<ConversationKey> conversation = addresses.conversationWith(counterpart);
        if (conversation.isEmpty()) {
            LOG.info(() -> "skipped a message from " + from + " to " + message.getTo() + ": not a user of this App Key");
            return Optional.empty();
        }
        String senderId = own ? addresses.userId(self).orElseThrow() : senderIdOf(sender, conversation.get());
        long sentTime = Vouched.sentTime(message, route, archived, self.getDomain());
        return build(message, conversation.get(), own, senderId, sentTime, uid(message, sender, self, archiveId), sender);
    }

    /**
     * A room message: the sender is the occupant's real address as the route proves it
     * ({@link Vouched#roomSender}; rooms are non-anonymous); never the nickname, which any
     * occupant chooses, nor anything else the occupant wrote.
     */
    private Optional<ParsedMessage> parseRoom(Message message, Jid from, Route route, Date archived, String archiveId) {
        if (from == null || message.getBody() == null && RcElement.from(message) == null) {
            return Optional.empty();
        }
        BareJid room = from.asBareJid();
        Optional<ConversationKey> conversation = addresses.roomConversation(room);
        if (conversation.isEmpty()) {
            LOG.info(() -> "skipped a message from room " + room + ": not a room of this App Key");
            return Optional.empty();
        }
        Optional<BareJid> sender = Vouched.roomSender(message, route, occupants);
        Optional<String> senderId = sender.flatMap(addresses::userId);
        if (senderId.isEmpty()) {
            LOG.info(() -> "skipped a message in " + room + " from " + from + ": its real sender is unknown");
            return Optional.empty();
        }
        boolean own = self.equals(sender.get());
        return build(message, conversation.get(), own, senderId.get(), Vouched.sentTime(message, route, archived, room),
                uid(message, sender.get(), room, archiveId), sender.get());
    }

    private Optional<ParsedMessage> build(Message message, ConversationKey conversation, boolean own, String senderId,
            long sentTime, String uid, BareJid sender) {
        Optional<Content> content = content(message, message.getFrom());
        if (content.isEmpty()) {
            return Optional.empty();
        }
        MessageType type = types.get(content.get().objectName).orElse(null);
        boolean counted = !own && (type == null || type.counted());
        boolean persisted = type == null || type.persisted();
        return Optional.of(new ParsedMessage(conversation, own ? MessageDirection.SEND : MessageDirection.RECEIVE,
                senderId, content.get().objectName, content.get().local, content.get().thumbnail, sentTime, uid, counted,
                persisted, Revisions.of(message, sender)));
    }

    /**
     * The identity that lets the same message, arriving live, offline and from an archive, be
     * stored once: the sender's origin id, else the id the archive owner (this user, or the room)
     * stamped on it.
     */
    static String uid(Message message, BareJid sender, BareJid archiveOwner, String archiveId) {
        OriginIdElement origin = OriginIdElement.getOriginId(message);
        if (origin != null && sender != null) {
            return "o:" + sender + "/" + origin.getId();
        }
        StanzaIdElement stanzaId = StanzaIdElement.getStanzaId(message);
        if (stanzaId != null && archiveOwner.toString().equals(stanzaId.getBy())) {
            return "s:" + archiveOwner + "/" + stanzaId.getId();
        }
        return archiveId != null ? "s:" + archiveOwner + "/" + archiveId : null;
    }

    private String senderIdOf(BareJid sender, ConversationKey conversation) {
        return addresses.userId(sender).orElse(conversation.targetId());
    }

    private record Content(String objectName, JsonObject local, byte[] thumbnail) {
    }

    private Optional<Content> content(Message message, Jid from) {
        String body = message.getBody();
        StandardExtensionElement payload = RcElement.from(message);
        if (payload == null) {
            return body == null ? Optional.empty() : Optional.of(text(body));
        }
        String objectName = payload.getAttributeValue("objectName");
        try {
            if (objectName == null || objectName.isEmpty() || objectName.length() > ContentTypes.MAX_OBJECT_NAME) {
                throw new InvalidContentException("objectName is missing or longer than " + ContentTypes.MAX_OBJECT_NAME
                        + " characters");
            }
            JsonObject wire = json(payload.getText());
            Optional<MessageType> type = types.get(objectName);
            JsonObject clean = type.isPresent() ? type.get().validate(wire) : wire;
            byte[] thumbnail = null;
            if (objectName.equals(BuiltInTypes.IMAGE) && clean.has("thumbnail")) {
                thumbnail = Base64.getDecoder().decode(clean.remove("thumbnail").getAsString());
                if (!ImageFiles.isImage(thumbnail)) {
                    LOG.info(() -> "dropped an image thumbnail from " + from + " that is not an image");
                    thumbnail = null;
                }
            }
            return Optional.of(new Content(objectName, WireContent.toLocal(objectName, clean), thumbnail));
        } catch (InvalidContentException e) {
            LOG.info(() -> "a " + objectName + " payload from " + from + " is invalid (" + e.getMessage()
                    + "); " + (body == null ? "skipped" : "kept as text"));
            return body == null ? Optional.empty() : Optional.of(text(body));
        }
    }

    private static JsonObject json(String text) throws InvalidContentException {
        if (text == null || text.length() > MAX_PAYLOAD) {
            throw new InvalidContentException("the payload is empty or larger than " + MAX_PAYLOAD + " characters");
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(MAX_DEPTH);
            JsonElement json = JsonParser.parseReader(reader);
            if (!json.isJsonObject()) {
                throw new InvalidContentException("the payload is not a JSON object");
            }
            return json.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new InvalidContentException("the payload is not valid JSON, or nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    /** A body as a text message, cut to the longest text allowed (never inside a surrogate pair). */
    private static Content text(String body) {
        int end = Math.min(body.length(), BuiltInTypes.MAX_TEXT);
        if (end < body.length() && Character.isHighSurrogate(body.charAt(end - 1))) {
            end--;
        }
        JsonObject content = new JsonObject();
        content.addProperty("text", body.substring(0, end));
        content.addProperty("extra", "");
        return new Content(BuiltInTypes.TEXT, content, null);
    }
}
