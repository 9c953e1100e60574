package org.rongdesk.message;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.rongdesk.model.StoredMessage;

/**
 * Room invitations (XEP-0045 mediated invitations), live or kept offline: the rooms accept the
 * ones they should, and the room's archive is read from the invitation's time on, so the user
 * sees what was said since they were invited.
 */
final class Invitations {
    private final RoomHooks rooms;
    private final ArchiveCatchUp archive;
    private final Supplier<XMPPTCPConnection> connection;

    Invitations(RoomHooks rooms, ArchiveCatchUp archive, Supplier<XMPPTCPConnection> connection) {
        this.rooms = rooms;
        this.archive = archive;
        this.connection = connection;
    }

    /** The room {@code message} invites to, if it is an invitation. */
    static Optional<EntityBareJid> roomOf(Message message) {
        MUCUser user = MUCUser.from(message);
        if (user == null || user.getInvite() == null || message.getFrom() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(message.getFrom().asEntityBareJidIfPossible());
    }

    /** Accepts {@code invite} (an invitation, see {@link #roomOf}); returns the room's messages since. */
    List<StoredMessage> accept(Message invite) {
        EntityBareJid room = roomOf(invite).orElseThrow();
        BareJid inviter = MUCUser.from(invite).getInvite().getFrom() == null ? null
                : MUCUser.from(invite).getInvite().getFrom().asBareJid();
        Optional<EntityBareJid> accepted = rooms.accept(room, inviter);
        if (accepted.isEmpty()) {
            return List.of();
        }
        Date since = Optional.ofNullable(DelayInformation.from(invite)).map(DelayInformation::getStamp)
                .orElse(new Date(System.currentTimeMillis() - 60_000));
        XMPPTCPConnection current = connection.get();
        return current == null ? List.of() : archive.read(current, room, since);
    }
}
