package org.rongdesk.message;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;

/**
 * Rong Desk's payload element, {@code <rc xmlns='urn:xmpp:rongcloud:0' objectName='RC:TxtMsg'>{json}</rc>},
 * carried beside a readable {@code <body>}.
 */
final class RcElement {
    static final String NAME = "rc";
    static final String NAMESPACE = "urn:xmpp:rongcloud:0";

    private RcElement() {
    }

    static StandardExtensionElement of(String objectName, String json) {
        return StandardExtensionElement.builder(NAME, NAMESPACE).addAttribute("objectName", objectName).setText(json).build();
    }

    /** The payload of {@code message}, or null when it has none. */
    static StandardExtensionElement from(Message message) {
        ExtensionElement element = message.getExtensionElement(NAME, NAMESPACE);
        return element instanceof StandardExtensionElement payload ? payload : null;
    }
}
