package org.rongdesk.room;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.bookmarks.BookmarkManager;
import org.jivesoftware.smackx.bookmarks.BookmarkedConference;
import org.jivesoftware.smackx.muc.MucEnterConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatException;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.Occupant;
import org.jivesoftware.smackx.muc.packet.MUCInitialPresence;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.jxmpp.util.XmppStringUtils;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.RongException;
import org.rongdesk.message.Addresses;
import org.rongdesk.message.RoomHooks;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.store.LocalStore;

/**
 * The rooms of one signed-in user over the current connection: entering and leaving them, who
 * sent a room message (its real address, from the room's presence: rooms are non-anonymous),
 * and the user's list of discussions and groups, kept on the server as XEP-0048 bookmarks so
 * every device and every restart knows it. Chat rooms are not bookmarked: they are rejoined after
 * a reconnect while the user has not left them, and forgotten when the client stops.
 *
 * <p>Methods block on the server; run them off the EDT and off Smack's threads.
 */
public final class Rooms implements RoomHooks {
    private static final Logger LOG = Logger.getLogger(Rooms.class.getName());
    /** How far before a noticed drop a chat room's history is asked from. */
    private static final Duration DROP_MARGIN = Duration.ofSeconds(30);
    private final Addresses addresses;
    private final LocalStore store;
    private final String selfUserId;
    private final Set<EntityBareJid> chatRooms = ConcurrentHashMap.newKeySet();
    /** When each chat room was left by a dropped connection, for asking its history since then. */
    private final Map<EntityBareJid, Date> chatRoomSeen = new ConcurrentHashMap<>();
    /** When each chat room was entered last: the history asked after a drop never reaches back further. */
    private final Map<EntityBareJid, Long> chatRoomEntered = new ConcurrentHashMap<>();
    private final BooleanSupplier connecting;
    private final Duration timeout;
    private volatile XMPPTCPConnection connection;

    /**
     * @param connecting whether a connection is being made: room operations wait for it (up to
     *                   {@code timeout}) rather than fail, as sends do
     */
    public Rooms(Addresses addresses, LocalStore store, String selfUserId, BooleanSupplier connecting, Duration timeout) {
        this.addresses = addresses;
        this.store = store;
        this.selfUserId = selfUserId;
        this.connecting = connecting;
        this.timeout = timeout;
    }

    /** Uses a new connection (rooms are entered again after each sign-in). */
    public void attach(XMPPTCPConnection newConnection) {
        MultiUserChatManager.getInstanceFor(newConnection).setAutoJoinOnReconnect(false);
        this.connection = newConnection;
    }

    /**
     * Smack queues every message of a joined room for {@code MultiUserChat.nextMessage()}, up to
     * 5,000 a room, and nothing here reads that queue (the receive path has its own copy): this
     * empties it, so that a busy room does not keep its last 5,000 messages in memory.
     */
    @Override
    public void dropQueued(EntityBareJid room) {
        XMPPTCPConnection current = connection;
        if (current == null) {
            return;
        }
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(current).getMultiUserChat(room);
        try {
            while (muc.pollMessage() != null) {
                // dropped
            }
        } catch (MultiUserChatException.MucNotJoinedException e) {
            // not in the room: Smack queues nothing for it
        }
    }

    /** The room of a DISCUSSION, GROUP or CHATROOM id; -10002 naming {@code field} when the id cannot be one. */
    public EntityBareJid address(String field, ConversationType type, String id) throws RongException {
        return addresses.room(field, new ConversationKey(type, id));
    }

    /** The conversation of a room. */
    public ConversationKey conversation(EntityBareJid room) {
        return addresses.roomConversation(room).orElseThrow(() -> new IllegalArgumentException(room + " is not a room"));
    }

    /** The room as Smack knows it on the current connection; -1 when not signed in. */
    public MultiUserChat muc(EntityBareJid room) throws RongException {
        return MultiUserChatManager.getInstanceFor(signedIn()).getMultiUserChat(room);
    }

    /** The signed-in connection (waiting for one being made, up to the timeout), or -1. */
    public XMPPTCPConnection signedIn() throws RongException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            XMPPTCPConnection current = connection;
            if (current != null && current.isAuthenticated()) {
                return current;
            }
            if (!connecting.getAsBoolean() || System.nanoTime() > deadline) {
                throw new RongException(ErrorCode.UNKNOWN, "not connected to the server");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RongException(ErrorCode.UNKNOWN, "interrupted while waiting for the connection", e);
            }
        }
    }

    /** This user's nickname in rooms: the user id (escaped if a nickname cannot hold it). */
    public Resourcepart nickname() {
        try {
            return Resourcepart.from(selfUserId);
        } catch (XmppStringprepException e) {
            return Resourcepart.fromOrThrowUnchecked(XmppStringUtils.escapeLocalpart(selfUserId));
        }
    }

    /** Enters {@code room} (if not in it) asking for {@code history} stanzas of history (0: none). */
    public MultiUserChat enter(EntityBareJid room, int history) throws RongException {
        MultiUserChat muc = muc(room);
        if (muc.isJoined()) {
            return muc;
        }
        try {
            MucEnterConfiguration.Builder entry = muc.getEnterConfigurationBuilder(nickname());
            Date since = chatRoomSeen.remove(room);
            if (since != null) {
                entry.requestHistorySince(since);
            } else if (history > 0) {
                entry.requestMaxStanzasHistory(history);
            } else {
                entry.requestNoHistory();
            }
            muc.join(entry.build());
            return muc;
        } catch (Exception e) {
            throw RoomFailures.of(e, "entering " + conversation(room));
        }
    }

    @Override
    public boolean isIn(EntityBareJid room) {
        XMPPTCPConnection current = connection;
        return current != null && MultiUserChatManager.getInstanceFor(current).getMultiUserChat(room).isJoined();
    }

    /** Leaves {@code room} (if in it). */
    public void leave(EntityBareJid room) throws RongException {
        chatRooms.remove(room);
        chatRoomSeen.remove(room);
        chatRoomEntered.remove(room);
        MultiUserChat muc = muc(room);
        if (!muc.isJoined()) {
            return;
        }
        try {
            muc.leave();
        } catch (Exception e) {
            throw RoomFailures.of(e, "leaving " + conversation(room));
        }
    }

    @Override
    public Optional<BareJid> realAddress(EntityFullJid occupant) {
        XMPPTCPConnection current = connection;
        if (current == null) {
            return Optional.empty();
        }
        Occupant known = MultiUserChatManager.getInstanceFor(current).getMultiUserChat(occupant.asEntityBareJid())
                .getOccupant(occupant);
        return known == null || known.getJid() == null ? Optional.empty() : Optional.of(known.getJid().asBareJid());
    }

    /** Remembers a chat room to enter again after a reconnect. */
    public void rememberChatRoom(EntityBareJid room) {
        chatRooms.add(room);
        chatRoomEntered.putIfAbsent(room, System.currentTimeMillis());
    }

    /** The discussions and groups of this user, from the server. */
    public List<BookmarkedConference> booked() throws RongException {
        try {
            List<BookmarkedConference> rooms = new ArrayList<>();
            for (BookmarkedConference room : BookmarkManager.getBookmarkManager(signedIn()).getBookmarkedConferences()) {
                if (addresses.roomConversation(room.getJid()).isPresent()) {
                    rooms.add(room);
                }
            }
            return rooms;
        } catch (Exception e) {
            throw RoomFailures.of(e, "reading your rooms");
        }
    }

    /** Adds a room to the user's list on the server. */
    public void book(EntityBareJid room, String name) throws RongException {
        try {
            BookmarkManager.getBookmarkManager(signedIn()).addBookmarkedConference(name, room, true, nickname(), null);
        } catch (Exception e) {
            throw RoomFailures.of(e, "remembering " + conversation(room));
        }
    }

    /** Removes a room from the user's list on the server. */
    public void unbook(EntityBareJid room) throws RongException {
        try {
            BookmarkManager.getBookmarkManager(signedIn()).removeBookmarkedConference(room);
        } catch (Exception e) {
            throw RoomFailures.of(e, "forgetting " + conversation(room));
        }
    }

    /**
     * After a sign-in: enters every booked room (no history: the archive brings what was missed)
     * and every chat room not left (with the history since the connection dropped). Returns the
     * rooms whose archives the caller reads: the booked ones from their stored position, the chat
     * rooms from when the connection dropped (a room that lived on a cluster node that died comes
     * back without the history it held).
     */
    @Override
    public Map<EntityBareJid, Date> reenter() {
        Map<EntityBareJid, Date> archived = new LinkedHashMap<>();
        try {
            for (BookmarkedConference room : booked()) {
                try {
                    enter(room.getJid(), 0);
                    archived.put(room.getJid(), null);
                } catch (RongException e) {
                    LOG.log(isUp() ? Level.INFO : Level.FINE, "could not enter " + room.getJid() + " again: " + e.getMessage(), e);
                }
            }
        } catch (RongException e) {
            LOG.log(isUp() ? Level.INFO : Level.FINE, "could not read the room list: " + e.getMessage(), e);
        }
        for (EntityBareJid room : List.copyOf(chatRooms)) {
            Date since = chatRoomSeen.get(room);
            try {
                enter(room, 0);
                if (since != null) {
                    archived.put(room, since);
                }
            } catch (RongException e) {
                LOG.log(isUp() ? Level.INFO : Level.FINE, "could not enter chat room " + room + " again: " + e.getMessage(), e);
            }
        }
        return archived;
    }

    @Override
    public Set<EntityBareJid> joined() {
        XMPPTCPConnection current = connection;
        return current == null ? Set.of() : Set.copyOf(MultiUserChatManager.getInstanceFor(current).getJoinedRooms());
    }

    @Override
    public boolean lost(EntityBareJid room) {
        XMPPTCPConnection current = connection;
        if (current == null || !current.isAuthenticated()) {
            return false;
        }
        try {
            current.createStanzaCollectorAndSend(new Ping(current, JidCreate.entityFullFrom(room, nickname())))
                    .nextResultOrThrow(timeout.toMillis());
            return false;
        } catch (XMPPException.XMPPErrorException e) {
            // not-acceptable: the room does not know this occupant; item-not-found: no such room now
            StanzaError.Condition condition = e.getStanzaError().getCondition();
            return condition == StanzaError.Condition.not_acceptable || condition == StanzaError.Condition.item_not_found;
        } catch (Exception e) {
            LOG.log(Level.FINE, "no answer from " + room + " to a self-ping", e);
            return false;
        }
    }

    /**
     * Smack's own join would first leave the room it believes joined and wait a whole timeout for
     * the answer a room that forgot the user never sends; a join presence of this client's own is
     * answered at once, and Smack, still believing itself in the room, takes the room's presences.
     */
    @Override
    public boolean enterAgain(EntityBareJid room) {
        XMPPTCPConnection current = connection;
        if (current == null || !current.isAuthenticated()) {
            return false;
        }
        try {
            MultiUserChat muc = MultiUserChatManager.getInstanceFor(current).getMultiUserChat(room);
            if (!muc.isJoined()) {
                enter(room, 0);
                return true;
            }
            EntityFullJid occupant = JidCreate.entityFullFrom(room, nickname());
            Presence join = current.getStanzaFactory().buildPresenceStanza().to(occupant)
                    .addExtension(new MUCInitialPresence(null, -1, 0, -1, null)).build();
            current.createStanzaCollectorAndSend(new AndFilter(StanzaTypeFilter.PRESENCE, FromMatchesFilter.createFull(occupant)),
                    join).nextResultOrThrow(timeout.toMillis());
            LOG.info(() -> "entered " + room + " again: it had forgotten this user (its cluster node went down)");
            return true;
        } catch (Exception e) {
            LOG.log(Level.INFO, "could not enter " + room + " again: " + e.getMessage(), e);
            return false;
        }
    }

    /** Only discussions invite: entering one lists it under its name and remembers it. */
    @Override
    public Optional<EntityBareJid> accept(EntityBareJid room, BareJid inviter) {
        ConversationKey key = addresses.roomConversation(room).orElse(null);
        if (key == null || key.type() != ConversationType.DISCUSSION) {
            LOG.info(() -> "ignored an invitation to " + room + " from " + inviter + ": not a discussion of this App Key");
            return Optional.empty();
        }
        try {
            MultiUserChat muc = enter(room, 0);
            String name = RoomInfos.name(muc, signedIn(), key.targetId());
            store.nameConversation(key, name);
            book(room, name);
            LOG.fine(() -> "joined discussion " + key.targetId() + " on an invitation from " + inviter);
            return Optional.of(room);
        } catch (RongException e) {
            LOG.log(Level.INFO, "could not accept the invitation to " + room + ": " + e.getMessage(), e);
            return Optional.empty();
        }
    }

    /** A discussion's subject is its name: the conversation takes it as its title. */
    @Override
    public void subjectChanged(EntityBareJid room, String subject) {
        addresses.roomConversation(room)
                .filter(key -> key.type() == ConversationType.DISCUSSION && !subject.isBlank())
                .ifPresent(key -> store.nameConversation(key, subject));
    }

    private boolean isUp() {
        XMPPTCPConnection current = connection;
        return current != null && current.isConnected();
    }

    /**
     * Notes that the connection dropped now: chat rooms then ask for history (and their archive)
     * from a little before, though not from before they were entered.
     */
    public void connectionLost() {
        // what was on its way when the connection died was sent a little before the drop was noticed
        long from = System.currentTimeMillis() - DROP_MARGIN.toMillis();
        for (EntityBareJid room : chatRooms) {
            chatRoomSeen.putIfAbsent(room, new Date(Math.max(from, chatRoomEntered.getOrDefault(room, from))));
        }
    }
}
