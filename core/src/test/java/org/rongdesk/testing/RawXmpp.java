package org.rongdesk.testing;

import java.time.Duration;
import java.util.function.Consumer;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.impl.JidCreate;
import org.rongdesk.devserver.DevServer;

/** A plain XMPP client (Smack alone, not Rong Desk), for messages other clients send. */
public final class RawXmpp implements AutoCloseable {
    private final XMPPTCPConnection connection;
    private final String appKey;

    private RawXmpp(XMPPTCPConnection connection, String appKey) {
        this.connection = connection;
        this.appKey = appKey;
    }

    /** Signs {@code user} in on {@code server} with a token, as any XMPP client could. */
    public static RawXmpp signIn(DevServer server, String user) throws Exception {
        return signIn(server, user, message -> { });
    }

    /**
     * Signs in with {@code messages} hearing every message from before the sign-in on: the server
     * pushes offline messages as soon as it sees the presence login sends, so a listener added
     * after login could miss them.
     */
    public static RawXmpp signIn(DevServer server, String user, Consumer<Message> messages) throws Exception {
        String appKey = server.settings().appKey();
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(appKey)
                .setHost("127.0.0.1")
                .setPort(server.settings().c2sPort())
                .setSecurityMode(SecurityMode.disabled)
                .setUsernameAndPassword(user, server.token(user, Duration.ofHours(1)))
                .addEnabledSaslMechanism("PLAIN")
                .setResource("plain")
                .build();
        XMPPTCPConnection connection = new XMPPTCPConnection(config);
        connection.setUseStreamManagement(false);
        connection.addSyncStanzaListener(stanza -> messages.accept((Message) stanza), StanzaTypeFilter.MESSAGE);
        connection.connect().login();
        return new RawXmpp(connection, appKey);
    }

    /** The Smack connection, for protocol features the test drives itself. */
    public XMPPTCPConnection connection() {
        return connection;
    }

    /** A chat message to {@code user} with only a body. */
    public void sendBody(String user, String body) throws Exception {
        send(message(user).setBody(body));
    }

    /** A chat message with a Rong Desk payload as given (possibly broken), and a body unless null. */
    public void sendPayload(String user, String objectName, String json, String body) throws Exception {
        MessageBuilder builder = message(user).addExtension(StandardExtensionElement.builder("rc", "urn:xmpp:rongcloud:0")
                .addAttribute("objectName", objectName).setText(json).build());
        if (body != null) {
            builder.setBody(body);
        }
        send(builder);
    }

    private MessageBuilder message(String user) throws Exception {
        return connection.getStanzaFactory().buildMessageStanza()
                .to(JidCreate.entityBareFrom(user + "@" + appKey)).ofType(Message.Type.chat);
    }

    private void send(MessageBuilder builder) throws Exception {
        connection.sendStanza(builder.build());
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
