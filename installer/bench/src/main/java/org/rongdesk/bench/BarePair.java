package org.rongdesk.bench;

import java.time.Duration;
import java.util.function.Consumer;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.rongdesk.devserver.DevServer;

/**
 * The reference: two bare Smack clients (token over SASL PLAIN, no TLS, stream management off),
 * sending body-only chat messages; the receiver hands each body to the sink from Smack's
 * in-order listener thread.
 */
final class BarePair implements Pair {
    private final XMPPTCPConnection sender;
    private final XMPPTCPConnection receiver;
    private final EntityBareJid to;

    private BarePair(XMPPTCPConnection sender, XMPPTCPConnection receiver, EntityBareJid to) {
        this.sender = sender;
        this.receiver = receiver;
        this.to = to;
    }

    static BarePair connect(DevServer server, String senderUser, String receiverUser, Consumer<String> sink)
            throws Exception {
        XMPPTCPConnection receiver = signIn(server, receiverUser);
        receiver.addSyncStanzaListener(stanza -> sink.accept(((Message) stanza).getBody()), MessageTypeFilter.CHAT);
        XMPPTCPConnection sender = signIn(server, senderUser);
        return new BarePair(sender, receiver, JidCreate.entityBareFrom(receiverUser + "@" + server.settings().appKey()));
    }

    @Override
    public void send(String text) throws Exception {
        sender.sendStanza(sender.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat).setBody(text)
                .build());
    }

    @Override
    public void close() {
        sender.disconnect();
        receiver.disconnect();
    }

    private static XMPPTCPConnection signIn(DevServer server, String user) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(server.settings().appKey())
                .setHost("127.0.0.1")
                .setPort(server.settings().c2sPort())
                .setSecurityMode(SecurityMode.disabled)
                .setUsernameAndPassword(user, server.token(user, Duration.ofHours(1)))
                .addEnabledSaslMechanism("PLAIN")
                .setResource("bench")
                .build());
        connection.setUseStreamManagement(false);
        connection.connect().login();
        return connection;
    }
}
