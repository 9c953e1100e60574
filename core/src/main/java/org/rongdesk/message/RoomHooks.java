package org.rongdesk.message;

import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;

/**
 * What messaging needs from the rooms feature. Methods other than {@link #isIn} and
 * {@link #realAddress} may block on the server; they are called on the receive thread.
 */
public interface RoomHooks {
    /** Whether the user is in {@code room} now (room messages can only be sent from inside). */
    boolean isIn(EntityBareJid room);

    /** The real address of a room occupant, as the room's presence tells it. */
    Optional<BareJid> realAddress(EntityFullJid occupant);

    /**
     * After a sign-in: enters the user's rooms again; returns those whose archives to catch up
     * from, each with the time to read from when no archive position is stored (null: none).
     */
    Map<EntityBareJid, Date> reenter();

    /** The rooms the user believes to be in. */
    default Set<EntityBareJid> joined() {
        return Set.of();
    }

    /**
     * Whether {@code room} says the user is not in it (XEP-0410 self-ping): a room lost with its
     * cluster node comes back without its occupants and tells none of them. False when in it or
     * when it cannot tell.
     */
    default boolean lost(EntityBareJid room) {
        return false;
    }

    /** Enters {@code room} again though the user was in it: the room forgot them. True when in it again. */
    default boolean enterAgain(EntityBareJid room) {
        return false;
    }

    /** An invitation: enters and remembers the room if it is a discussion; the room, when accepted. */
    Optional<EntityBareJid> accept(EntityBareJid room, BareJid inviter);

    /** A room's subject changed (a discussion's subject is its name). */
    void subjectChanged(EntityBareJid room, String subject);

    /** A message of {@code room} has been taken: whatever else holds on to the room's messages may let go. */
    default void dropQueued(EntityBareJid room) {
    }

    /** No rooms: for tests and clients without them. */
    RoomHooks NONE = new RoomHooks() {
        @Override
        public boolean isIn(EntityBareJid room) {
            return false;
        }

        @Override
        public Optional<BareJid> realAddress(EntityFullJid occupant) {
            return Optional.empty();
        }

        @Override
        public Map<EntityBareJid, Date> reenter() {
            return Map.of();
        }

        @Override
        public Optional<EntityBareJid> accept(EntityBareJid room, BareJid inviter) {
            return Optional.empty();
        }

        @Override
        public void subjectChanged(EntityBareJid room, String subject) {
        }
    };
}
