package org.rongdesk.message;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jxmpp.jid.BareJid;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.store.LocalStore;

/**
 * A catch-up stage: reads an archive (XEP-0313: this user's, or a room's) after the position
 * this client stored, page by page, each page stored with the position it ends at. The first
 * time an archive is met, only where it ends is noted: history from before is not imported.
 */
final class ArchiveCatchUp {
    private static final Logger LOG = Logger.getLogger(ArchiveCatchUp.class.getName());
    private static final int PAGE = 100;
    private final LocalStore store;
    private final MessageParser parser;
    private final Arrivals arrivals;
    private final BareJid self;

    ArchiveCatchUp(LocalStore store, MessageParser parser, Arrivals arrivals, BareJid self) {
        this.store = store;
        this.parser = parser;
        this.arrivals = arrivals;
        this.self = self;
    }

    /**
     * The new messages of {@code owner}'s archive, stored; with no stored position, from
     * {@code since} when given, else none (the archive's end is noted).
     */
    List<StoredMessage> read(XMPPTCPConnection connection, BareJid owner, Date since) {
        try {
            MamManager archive = owner.equals(self) ? MamManager.getInstanceFor(connection)
                    : MamManager.getInstanceFor(connection, owner);
            if (!archive.isSupported()) {
                return List.of();
            }
            String position = store.syncPosition(key(owner)).orElse(null);
            MamManager.MamQueryArgs.Builder query = MamManager.MamQueryArgs.builder().setResultPageSizeTo(PAGE);
            if (position != null && !position.isEmpty()) {
                query.afterUid(position);
            } else if (position == null && since != null) {
                query.limitResultsSince(since);
            } else if (position == null) {
                String latest = archive.getMessageUidOfLatestMessage();
                store.setSyncPosition(key(owner), latest == null ? "" : latest);
                return List.of();
            } // else "": the archive was empty when first met, so all of it is new
            List<StoredMessage> added = new ArrayList<>();
            MamManager.MamQuery pages = archive.queryArchive(query.build());
            while (true) {
                added.addAll(storePage(owner, pages.getPage()));
                if (pages.isComplete() || pages.getMessageCount() == 0) {
                    break;
                }
                pages.pageNext(PAGE);
            }
            return added;
        } catch (Exception e) {
            LOG.log(CatchUps.level(connection, e), "catching up from the archive of " + owner
                    + " failed; it is tried again at the next sign-in", e);
            return List.of();
        }
    }

    /** Whether this client has met {@code owner}'s archive (a position is stored). */
    boolean knows(BareJid owner) {
        return store.syncPosition(key(owner)).isPresent();
    }

    /** The store's position key of {@code owner}'s archive. */
    static String key(BareJid owner) {
        return "mam:" + owner;
    }

    private List<StoredMessage> storePage(BareJid owner, MamManager.MamQueryPage page) {
        List<ParsedMessage> parsed = new ArrayList<>();
        String last = null;
        List<Forwarded<Message>> forwarded = page.getForwarded();
        List<MamElements.MamResultExtension> results = page.getMamResultExtensions();
        for (int i = 0; i < forwarded.size(); i++) {
            String archiveId = results.get(i).getId();
            last = archiveId;
            DelayInformation delay = forwarded.get(i).getDelayInformation();
            Date archived = delay == null ? null : delay.getStamp();
            Message message = forwarded.get(i).getForwardedStanza();
            if (message.getType() == Message.Type.groupchat && message.getFrom() == null) {
                continue;
            }
            parser.parse(message, Route.ARCHIVE, archived, archiveId).ifPresent(parsed::add);
        }
        return arrivals.store(parsed, last == null ? Map.of() : Map.of(key(owner), last));
    }
}
