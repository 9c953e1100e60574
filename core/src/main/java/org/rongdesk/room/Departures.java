package org.rongdesk.room;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jivesoftware.smack.PresenceListener;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.Occupant;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;

/**
 * Runs something once a user is out of a room. A discussion's creator takes a member who quit
 * off the member list this way: revoking the membership of someone still in the room removes
 * them from it at once, and the leave their client sends right after the quit notice then goes
 * unanswered (their {@code quitDiscussion} timed out with 3001 when the two clients raced).
 * If the creator's connection goes before the quitter leaves, the membership stays.
 */
final class Departures {
    private Departures() {
    }

    /** Runs {@code then} (once) as soon as {@code user} is not, or no longer, an occupant of {@code muc}. */
    static void whenGone(MultiUserChat muc, EntityBareJid user, Runnable then) {
        AtomicBoolean ran = new AtomicBoolean();
        PresenceListener[] watch = new PresenceListener[1];
        watch[0] = presence -> {
            if (presence.getType() == Presence.Type.unavailable && user.equals(realAddress(presence)) && ran.compareAndSet(false, true)) {
                muc.removeParticipantListener(watch[0]);
                then.run();
            }
        };
        // watched before looking, so a leave between the look and the watch is not missed
        muc.addParticipantListener(watch[0]);
        if (!isIn(muc, user) && ran.compareAndSet(false, true)) {
            muc.removeParticipantListener(watch[0]);
            then.run();
        }
    }

    private static boolean isIn(MultiUserChat muc, EntityBareJid user) {
        for (EntityFullJid occupant : muc.getOccupants()) {
            Occupant known = muc.getOccupant(occupant);
            if (known != null && known.getJid() != null && user.equals(known.getJid().asBareJid())) {
                return true;
            }
        }
        return false;
    }

    private static Jid realAddress(Presence presence) {
        MUCUser user = MUCUser.from(presence);
        return user == null || user.getItem() == null || user.getItem().getJid() == null ? null : user.getItem().getJid().asBareJid();
    }
}
