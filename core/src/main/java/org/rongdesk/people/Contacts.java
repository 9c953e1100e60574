package org.rongdesk.people;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterListener;
import org.jivesoftware.smack.roster.RosterLoadedListener;
import org.jivesoftware.smack.roster.SubscribeListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.Params;
import org.rongdesk.base.RongException;
import org.rongdesk.message.Addresses;
import org.rongdesk.message.ConnectionWait;
import org.rongdesk.model.UserInfo;
import org.rongdesk.store.LocalStore;

/**
 * The user's contacts: their XMPP roster, with each one's presence. Adding someone asks to see
 * their presence; a request from someone the user has added is accepted by itself, others wait
 * on the server until the user adds them (so a friend request accepted on either side makes the
 * subscription both ways). The list is kept in the store, so it shows offline (everyone offline).
 */
final class Contacts {
    private static final Logger LOG = Logger.getLogger(Contacts.class.getName());
    static final String ONLINE = "online";
    static final String AWAY = "away";
    static final String OFFLINE = "offline";
    private static final long ROSTER_PUSH_WAIT_NANOS = 5_000_000_000L;

    private final LocalStore store;
    private final Addresses addresses;
    private final Supplier<XMPPTCPConnection> connection;
    private final Function<String, UserInfo> profiles;
    private final ConnectionWait signedIn;
    /** Requests to see the user's presence from people not (yet) among their contacts. */
    private final Set<BareJid> asking = ConcurrentHashMap.newKeySet();
    private volatile PresenceListener listener = (userId, presence) -> { };

    Contacts(LocalStore store, Addresses addresses, Supplier<XMPPTCPConnection> connection, ConnectionWait signedIn,
            Function<String, UserInfo> profiles) {
        this.signedIn = signedIn;
        this.store = store;
        this.addresses = addresses;
        this.connection = connection;
        this.profiles = profiles;
    }

    void setListener(PresenceListener listener) {
        this.listener = listener;
    }

    void attach(XMPPTCPConnection created) {
        Roster roster = Roster.getInstanceFor(created);
        roster.setSubscriptionMode(Roster.SubscriptionMode.manual);
        roster.addSubscribeListener((from, request) -> {
            BareJid who = from.asBareJid();
            if (roster.contains(who)) {
                return SubscribeListener.SubscribeAnswer.Approve;
            }
            asking.add(who);
            return null; // no answer: the request waits on the server for the user to add them
        });
        roster.addRosterLoadedListener(new RosterLoadedListener() {
            @Override
            public void onRosterLoaded(Roster loaded) {
                keep(loaded);
            }

            @Override
            public void onRosterLoadingFailed(Exception exception) {
                LOG.info(() -> "the contacts were not read: " + exception);
            }
        });
        roster.addRosterListener(new RosterListener() {
            @Override
            public void entriesAdded(Collection<Jid> added) {
                keep(roster);
            }

            @Override
            public void entriesUpdated(Collection<Jid> updated) {
                keep(roster);
            }

            @Override
            public void entriesDeleted(Collection<Jid> deleted) {
                keep(roster);
            }

            @Override
            public void presenceChanged(Presence presence) {
                BareJid who = presence.getFrom().asBareJid();
                addresses.userId(who).ifPresent(user -> listener.changed(user, presenceOf(roster, who)));
            }
        });
    }

    /** {@code getContacts} → {@code [{userId, name, portraitUri, presence, subscription}]}, by name. */
    JsonArray list() {
        XMPPTCPConnection current = connection.get();
        Roster roster = current != null && current.isAuthenticated() ? Roster.getInstanceFor(current) : null;
        List<JsonObject> contacts = new ArrayList<>();
        if (roster != null && roster.isLoaded()) {
            for (RosterEntry entry : roster.getEntries()) {
                addresses.userId(entry.getJid()).ifPresent(user ->
                        contacts.add(contact(user, presenceOf(roster, entry.getJid()), subscription(entry))));
            }
        } else {
            for (String[] kept : store.contacts()) {
                contacts.add(contact(kept[0], OFFLINE, kept[1]));
            }
        }
        contacts.sort(Comparator.comparing((JsonObject contact) -> contact.get("name").getAsString(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(contact -> contact.get("userId").getAsString()));
        JsonArray array = new JsonArray();
        contacts.forEach(array::add);
        return array;
    }

    /** {@code addContact {userId}}: among the contacts, asked to share presence, their pending request accepted. */
    void add(JsonObject params) throws RongException {
        EntityBareJid who = target(params);
        Roster roster = Roster.getInstanceFor(signedIn());
        try {
            roster.createItemAndRequestSubscription(who, null, null);
            awaitRoster(roster, who, true);
            if (asking.remove(who)) {
                XMPPTCPConnection current = signedIn();
                current.sendStanza(current.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.subscribed)
                        .to(who).build());
            }
        } catch (XMPPException.XMPPErrorException e) {
            throw new RongException(ErrorCode.SEND_FAILED, "the server refused the contact: " + e.getStanzaError().getCondition());
        } catch (SmackException e) {
            throw new RongException(ErrorCode.SEND_FAILED, "the contact was not added: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RongException(ErrorCode.SEND_FAILED, "interrupted");
        }
    }

    /** {@code removeContact {userId}}: out of the contacts, presence no longer shared either way. */
    void remove(JsonObject params) throws RongException {
        EntityBareJid who = target(params);
        Roster roster = Roster.getInstanceFor(signedIn());
        RosterEntry entry = roster.getEntry(who);
        if (entry == null) {
            throw RongException.invalid("userId: " + Params.shorten(params.get("userId").getAsString()) + " is not a contact");
        }
        try {
            roster.removeEntry(entry);
            awaitRoster(roster, who, false);
        } catch (XMPPException.XMPPErrorException e) {
            throw new RongException(ErrorCode.SEND_FAILED, "the server refused: " + e.getStanzaError().getCondition());
        } catch (SmackException e) {
            throw new RongException(ErrorCode.SEND_FAILED, "the contact was not removed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RongException(ErrorCode.SEND_FAILED, "interrupted");
        }
    }

    /**
     * The server answers a roster change before Smack has taken its push: waits (briefly) for
     * the roster to show it, so a getContacts right after sees what was done.
     */
    private static void awaitRoster(Roster roster, BareJid who, boolean present) throws InterruptedException {
        long deadline = System.nanoTime() + ROSTER_PUSH_WAIT_NANOS;
        while (roster.contains(who) != present && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private XMPPTCPConnection signedIn() throws RongException {
        return signedIn.signedIn("not signed in: contacts are kept on the server");
    }

    private EntityBareJid target(JsonObject params) throws RongException {
        return addresses.user("userId", Params.requireId(params, "userId"));
    }

    private JsonObject contact(String user, String presence, String subscription) {
        JsonObject contact = UserInfoJson.of(profiles.apply(user));
        contact.addProperty("presence", presence);
        contact.addProperty("subscription", subscription);
        return contact;
    }

    private void keep(Roster roster) {
        List<String[]> kept = new ArrayList<>();
        for (RosterEntry entry : roster.getEntries()) {
            addresses.userId(entry.getJid()).ifPresent(user -> kept.add(new String[] {user, subscription(entry)}));
        }
        try {
            store.saveContacts(kept);
        } catch (RuntimeException e) {
            LOG.warning(() -> "the contacts were not kept: " + e.getMessage());
        }
    }

    /** none, to (the user sees theirs), from (they see the user's) or both. */
    private static String subscription(RosterEntry entry) {
        return entry.getType().name();
    }

    /** online, away (away, extended away, do not disturb) or offline. */
    static String presenceOf(Roster roster, BareJid who) {
        Presence presence = roster.getPresence(who);
        if (presence == null || presence.getType() != Presence.Type.available) {
            return OFFLINE;
        }
        return switch (presence.getMode()) {
            case away, xa, dnd -> AWAY;
            default -> ONLINE;
        };
    }
}
