package org.rongdesk.message;

import java.util.List;
import java.util.Optional;

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

    /** After a sign-in: enters the user's rooms again; returns those whose archives to catch up from. */
    List<EntityBareJid> reenter();

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
        public List<EntityBareJid> reenter() {
            return List.of();
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
