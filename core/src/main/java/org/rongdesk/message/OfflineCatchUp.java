package org.rongdesk.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.offline.OfflineMessageManager;
import org.jivesoftware.smackx.offline.packet.OfflineMessageInfo;
import org.rongdesk.model.StoredMessage;

/**
 * A catch-up stage: the messages ejabberd kept while the user was offline (XEP-0013). Asking
 * their count before going online makes the server hold them back instead of pushing them at
 * presence; after presence they are fetched, stored, and removed from the server. Invitations
 * among them are accepted.
 */
final class OfflineCatchUp {
    private static final Logger LOG = Logger.getLogger(OfflineCatchUp.class.getName());
    private final MessageParser parser;
    private final Arrivals arrivals;
    private final Invitations invitations;

    OfflineCatchUp(MessageParser parser, Arrivals arrivals, Invitations invitations) {
        this.parser = parser;
        this.arrivals = arrivals;
        this.invitations = invitations;
    }

    /** Whether the server keeps offline messages for a fetch (asking their count makes ejabberd hold them). */
    boolean hold(XMPPTCPConnection connection) {
        try {
            OfflineMessageManager offline = OfflineMessageManager.getInstanceFor(connection);
            if (!offline.supportsFlexibleRetrieval()) {
                return false;
            }
            int count = offline.getMessageCount();
            LOG.fine(() -> count + " message(s) wait in offline storage");
            return true;
        } catch (Exception e) {
            LOG.log(CatchUps.level(connection, e), "asking for offline messages failed; they arrive after presence instead", e);
            return false;
        }
    }

    /** How many messages wait in offline storage now (0 when the server cannot say). */
    int waiting(XMPPTCPConnection connection) {
        try {
            return OfflineMessageManager.getInstanceFor(connection).getMessageCount();
        } catch (Exception e) {
            LOG.log(CatchUps.level(connection, e), "asking for offline messages again failed", e);
            return 0;
        }
    }

    /** Fetches, stores and removes the offline messages; returns the new ones. */
    List<StoredMessage> fetch(XMPPTCPConnection connection) {
        try {
            OfflineMessageManager offline = OfflineMessageManager.getInstanceFor(connection);
            List<Message> waiting = offline.getMessages();
            List<ParsedMessage> parsed = new ArrayList<>();
            List<String> nodes = new ArrayList<>();
            List<Message> invites = new ArrayList<>();
            for (Message message : waiting) {
                OfflineMessageInfo info = message.getExtension(OfflineMessageInfo.class);
                if (info != null && info.getNode() != null) {
                    nodes.add(info.getNode());
                }
                if (Invitations.roomOf(message).isPresent()) {
                    invites.add(message);
                    continue;
                }
                parser.parse(message, Route.OFFLINE, null, null).ifPresent(parsed::add);
            }
            List<StoredMessage> added = new ArrayList<>(arrivals.store(parsed, Map.of()));
            for (Message invite : invites) {
                added.addAll(invitations.accept(invite));
            }
            if (!nodes.isEmpty()) {
                offline.deleteMessages(nodes);
            }
            LOG.fine(() -> waiting.size() + " offline message(s), " + added.size() + " new");
            return added;
        } catch (Exception e) {
            LOG.log(CatchUps.level(connection, e), "fetching offline messages failed; they arrive after presence instead", e);
            return List.of();
        }
    }
}
