package org.rongdesk.message;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smackx.message_correct.element.MessageCorrectExtension;
import org.jxmpp.jid.BareJid;

/**
 * The wire form of changing a sent message: a recall is an XEP-0424 retraction
 * ({@code <retract id='…' xmlns='urn:xmpp:message-retract:1'/>}, with an XEP-0428 fallback body
 * for clients without it), a correction an XEP-0308 {@code <replace id='…'/>}. Both name the
 * message by the id its sender gave it, which the store keeps in its uid ({@code o:sender/id}).
 */
final class Revisions {
    static final String RETRACT_NAMESPACE = "urn:xmpp:message-retract:1";
    static final String FALLBACK_BODY = "This person attempted to retract a previous message, but it's unsupported by your client.";

    private Revisions() {
    }

    /** What {@code message} from {@code sender} recalls or corrects, or null when it is a message of its own. */
    static ParsedMessage.Revision of(Message message, BareJid sender) {
        if (sender == null) {
            return null;
        }
        ExtensionElement retract = message.getExtensionElement("retract", RETRACT_NAMESPACE);
        if (retract instanceof StandardExtensionElement element && element.getAttributeValue("id") != null) {
            return new ParsedMessage.Revision(ParsedMessage.Kind.RECALL, uid(sender, element.getAttributeValue("id")));
        }
        MessageCorrectExtension correct = MessageCorrectExtension.from(message);
        if (correct != null && correct.getIdInitialMessage() != null) {
            return new ParsedMessage.Revision(ParsedMessage.Kind.CORRECTION, uid(sender, correct.getIdInitialMessage()));
        }
        return null;
    }

    /** The retraction of the message its sender sent as {@code originId}. */
    static ExtensionElement retract(String originId) {
        return StandardExtensionElement.builder("retract", RETRACT_NAMESPACE).addAttribute("id", originId).build();
    }

    /** Says the body is only there for clients that do not know retractions (XEP-0428). */
    static ExtensionElement retractFallback() {
        return StandardExtensionElement.builder("fallback", "urn:xmpp:fallback:0").addAttribute("for", RETRACT_NAMESPACE).build();
    }

    /** The correction of the message its sender sent as {@code originId}. */
    static ExtensionElement correct(String originId) {
        return new MessageCorrectExtension(originId);
    }

    /** The origin id in a uid ({@code o:sender/id}). */
    static String originId(String uid) {
        return uid.substring(uid.lastIndexOf('/') + 1);
    }

    private static String uid(BareJid sender, String id) {
        return "o:" + sender + "/" + id;
    }
}
