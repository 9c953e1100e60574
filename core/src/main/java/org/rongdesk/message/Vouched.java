package org.rongdesk.message;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.address.packet.MultipleAddresses;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;

/**
 * The parts of a received stanza its route makes trustworthy. ejabberd relays a room occupant's
 * {@code <x xmlns='muc#user'>}, {@code <addresses>} and {@code <delay>} elements unchanged to the
 * other occupants (measured), so a live room message names its sender only through the room's
 * presence; the room's history carries the real sender as an {@code ofrom} address ejabberd
 * writes over the occupant's; the room's archive as the occupant item ejabberd writes over the
 * occupant's. A delay counts only when stamped in the name of the server or the room, and a
 * claimed time is never later than now.
 */
final class Vouched {
    private Vouched() {
    }

    /** The real address of the occupant who sent room message {@code message}, when the route proves it. */
    static Optional<BareJid> roomSender(Message message, Route route, Function<EntityFullJid, Optional<BareJid>> occupants) {
        if (route == Route.ARCHIVE) {
            MUCUser user = MUCUser.from(message);
            return user == null || user.getItem() == null || user.getItem().getJid() == null ? Optional.empty()
                    : Optional.of(user.getItem().getJid().asBareJid());
        }
        if (route == Route.ROOM_HISTORY) {
            Optional<BareJid> ofrom = ofrom(message);
            if (ofrom.isPresent()) {
                return ofrom;
            }
        }
        EntityFullJid occupant = message.getFrom() == null ? null : message.getFrom().asEntityFullJidIfPossible();
        return occupant == null ? Optional.empty() : occupants.apply(occupant);
    }

    /**
     * When {@code message} was sent: the archive's stamp for an archived one, else a delay stamped
     * by {@code stamper} (the server's domain, or the room) if there is one, else now.
     */
    static long sentTime(Message message, Route route, Date archived, CharSequence stamper) {
        long now = System.currentTimeMillis();
        if (route == Route.ARCHIVE && archived != null) {
            return archived.getTime();
        }
        if (route == Route.LIVE && message.getType() == Message.Type.groupchat) {
            return now; // a room stamps only its history
        }
        long claimed = now;
        for (ExtensionElement element : message.getExtensions(DelayInformation.ELEMENT, DelayInformation.NAMESPACE)) {
            if (element instanceof DelayInformation delay && stamper.toString().equals(delay.getFrom())) {
                claimed = delay.getStamp().getTime();
            }
        }
        return Math.min(claimed, now);
    }

    private static Optional<BareJid> ofrom(Message message) {
        ExtensionElement element = message.getExtensionElement(MultipleAddresses.ELEMENT, MultipleAddresses.NAMESPACE);
        if (!(element instanceof MultipleAddresses addresses)) {
            return Optional.empty();
        }
        List<MultipleAddresses.Address> ofrom = addresses.getAddressesOfType(MultipleAddresses.Type.ofrom);
        return ofrom.size() != 1 || ofrom.get(0).getJid() == null ? Optional.empty()
                : Optional.of(ofrom.get(0).getJid().asBareJid());
    }
}
