package org.rongdesk.people;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.NamedElement;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.pep.PepManager;
import org.jivesoftware.smackx.pubsub.Item;
import org.jivesoftware.smackx.pubsub.ItemsExtension;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubElementType;
import org.jivesoftware.smackx.pubsub.PubSubException;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jivesoftware.smackx.pubsub.packet.PubSub;
import org.rongdesk.base.RongException;
import org.rongdesk.message.Addresses;

/**
 * XEP-0084 avatars on PEP (Smack 4.4 has no manager for them): the user's picture published as
 * a data item and a metadata item named by its SHA-1; contacts' metadata events heard, and the
 * data of a new picture fetched by that id.
 */
final class Avatars {
    private static final Logger LOG = Logger.getLogger(Avatars.class.getName());
    static final String DATA = "urn:xmpp:avatar:data";
    static final String METADATA = "urn:xmpp:avatar:metadata";
    private static final Pattern INFO_ID = Pattern.compile("<info\\b[^>]*\\bid=(['\"])([^'\"]+)\\1");
    private static final Pattern INFO_TYPE = Pattern.compile("<info\\b[^>]*\\btype=(['\"])([^'\"]+)\\1");
    private static final Pattern DATA_TEXT = Pattern.compile("<data\\b[^>]*>([^<]*)</data>");

    private final Addresses addresses;
    private final Portraits portraits;
    /** The picture each contact's last metadata event named ("" for none), and its type. */
    private final Map<String, String[]> announced = new ConcurrentHashMap<>();

    Avatars(Addresses addresses, Portraits portraits) {
        this.addresses = addresses;
        this.portraits = portraits;
    }

    /** Hears contacts' metadata events: {@code heard} gets the user and the picture's id ("" when removed). */
    void listen(PepManager pep, BiConsumer<String, String> heard) {
        pep.addPepEventListener(METADATA, SimplePayload.class, (from, payload, id, message) ->
                addresses.userId(from).ifPresent(user -> {
                    String xml = payload.toXML().toString();
                    String hash = first(INFO_ID, xml).orElse("");
                    announced.put(user, new String[] {hash, first(INFO_TYPE, xml).orElse("image/png")});
                    heard.accept(user, hash);
                }));
    }

    /** The picture {@code user}'s last metadata event named, if one was heard. */
    Optional<String> announced(String user) {
        String[] last = announced.get(user);
        return last == null ? Optional.empty() : Optional.of(last[0]);
    }

    void publish(XMPPTCPConnection connection, Portraits.Portrait portrait) throws XMPPException.XMPPErrorException,
            SmackException, InterruptedException, PubSubException.NotALeafNodeException {
        PepManager pep = PepManager.getInstanceFor(connection);
        pep.publish(DATA, new PayloadItem<>(portrait.hash(), StandardExtensionElement.builder("data", DATA)
                .setText(Base64.getEncoder().encodeToString(portrait.png())).build()));
        StandardExtensionElement info = StandardExtensionElement.builder("info", METADATA)
                .addAttribute("id", portrait.hash()).addAttribute("type", "image/png")
                .addAttribute("bytes", Integer.toString(portrait.png().length)).build();
        pep.publish(METADATA, new PayloadItem<>(portrait.hash(),
                StandardExtensionElement.builder("metadata", METADATA).addElement(info).build()));
    }

    /** Tells contacts there is no picture any more (an empty metadata item, XEP-0084 §4.2). */
    void unpublish(XMPPTCPConnection connection) throws XMPPException.XMPPErrorException, SmackException,
            InterruptedException, PubSubException.NotALeafNodeException {
        PepManager.getInstanceFor(connection).publish(METADATA, new PayloadItem<>("current",
                StandardExtensionElement.builder("metadata", METADATA).build()));
    }

    /** Fetches {@code user}'s picture {@code hash} from their data node and keeps it; its URI, or empty. */
    Optional<String> fetch(XMPPTCPConnection connection, String user, String hash) {
        if (connection == null || !connection.isAuthenticated()) {
            return Optional.empty();
        }
        try {
            PubSub request = PubSub.createPubsubPacket(addresses.user("userId", user), IQ.Type.get,
                    new ItemsExtension(ItemsExtension.ItemsElementType.items, DATA, List.of(new Item(hash))));
            PubSub reply = connection.sendIqRequestAndWaitForResponse(request);
            ItemsExtension items = reply.getExtension(PubSubElementType.ITEMS);
            if (items == null) {
                return Optional.empty();
            }
            for (NamedElement item : items.getItems()) {
                if (item instanceof PayloadItem<?> payload && payload.getPayload() != null) {
                    Optional<String> text = first(DATA_TEXT, payload.getPayload().toXML().toString());
                    if (text.isPresent()) {
                        byte[] bytes = Base64.getMimeDecoder().decode(text.get());
                        if (Portraits.sha1(bytes).equals(hash)) {
                            String[] last = announced.get(user);
                            String uri = portraits.keep(bytes, last == null ? "image/png" : last[1]);
                            return uri.isEmpty() ? Optional.empty() : Optional.of(uri);
                        }
                        LOG.info(() -> user + "'s avatar data does not match its id " + hash + "; left out");
                    }
                }
            }
        } catch (XMPPException.XMPPErrorException e) {
            LOG.info(() -> user + "'s avatar " + hash + " was not read: " + e.getStanzaError().getCondition());
        } catch (SmackException | RongException | IllegalArgumentException e) {
            LOG.log(Level.INFO, user + "'s avatar " + hash + " was not read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static Optional<String> first(Pattern pattern, String xml) {
        Matcher match = pattern.matcher(xml);
        return match.find() ? Optional.of(match.group(match.groupCount())) : Optional.empty();
    }
}
