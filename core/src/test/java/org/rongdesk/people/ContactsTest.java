package org.rongdesk.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.people.ProfilesTest.awaitSubscription;
import static org.rongdesk.people.ProfilesTest.userId;
import static org.rongdesk.testing.Sends.error;
import static org.rongdesk.testing.ContactLists.contacts;
import static org.rongdesk.testing.Sends.result;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.RawXmpp;
import org.rongdesk.testing.Replies;

/** Contacts and their presence, between two Rong Desk clients and with a plain XMPP client, through a real ejabberd. */
@ExtendWith(EjabberdExtension.class)
class ContactsTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void twoUsersWhoAddEachOtherSeeEachOthersPresence(DevServer server) throws Exception {
        Path aliceDir = dir.resolve("a");
        try (RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob80", new Replies())) {
            try (RongCloud alice = Clients.signedIn(server, aliceDir, "alice80", new Replies())) {
                result(alice::addContact, userId("bob80"));
                awaitSubscription(alice, "bob80", "none");
                assertThat(contacts(bob)).as("bob has not added alice: her request waits").isEmpty();

                Replies seenByAlice = new Replies();
                alice.setPresenceListener(seenByAlice);
                result(bob::addContact, userId("alice80"));
                awaitSubscription(alice, "bob80", "both");
                awaitSubscription(bob, "alice80", "both");
                awaitPresence(seenByAlice, "bob80 online");
                JsonObject bobAsSeen = contacts(alice).get(0).getAsJsonObject();
                assertThat(bobAsSeen.get("name").getAsString()).as("no profile: the id").isEqualTo("bob80");
                assertThat(bobAsSeen.get("presence").getAsString()).isEqualTo("online");

                Replies seenByBob = new Replies();
                bob.setPresenceListener(seenByBob);
                result(alice::disconnect, new JsonObject());
                awaitPresence(seenByBob, "alice80 offline");
                JsonObject kept = contacts(alice).get(0).getAsJsonObject();
                assertThat(kept.get("userId").getAsString()).as("signed out: the list last seen").isEqualTo("bob80");
                assertThat(kept.get("presence").getAsString()).isEqualTo("offline");
                assertThat(kept.get("subscription").getAsString()).isEqualTo("both");
            }
            try (RongCloud alice = Clients.signedIn(server, aliceDir, "alice80", new Replies())) {
                awaitSubscription(alice, "bob80", "both");
                result(alice::removeContact, userId("bob80"));
                assertThat(contacts(alice)).isEmpty();
                awaitSubscription(bob, "alice80", "none");
                assertThat(error(alice::removeContact, userId("bob80")).msg()).isEqualTo("userId: bob80 is not a contact");
            }
        }
    }

    @Test
    void aPlainClientsAwayAndOfflineAreSeen(DevServer server) throws Exception {
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice81", new Replies());
             RawXmpp carol = RawXmpp.signIn(server, "carol81")) {
            Roster.getInstanceFor(carol.connection()).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
            Replies presence = new Replies();
            alice.setPresenceListener(presence);
            result(alice::addContact, userId("carol81"));
            awaitPresence(presence, "carol81 online");
            carol.connection().sendStanza(carol.connection().getStanzaFactory().buildPresenceStanza()
                    .ofType(Presence.Type.available).setMode(Presence.Mode.away).build());
            awaitPresence(presence, "carol81 away");
            carol.connection().sendStanza(carol.connection().getStanzaFactory().buildPresenceStanza()
                    .ofType(Presence.Type.available).setMode(Presence.Mode.dnd).build());
            awaitPresence(presence, "carol81 away");
            assertThat(contacts(alice).get(0).getAsJsonObject().get("presence").getAsString()).isEqualTo("away");
            carol.close();
            awaitPresence(presence, "carol81 offline");

            assertThat(error(alice::addContact, new JsonObject()).msg()).contains("userId");
            JsonObject signedOut = userId("dave81");
            result(alice::disconnect, new JsonObject());
            assertThat(error(alice::addContact, signedOut).code()).as("signed out").isEqualTo(-2);
        }
    }

    /** Reads presence events until one says {@code expected} ("user presence"); repeats of the state before may come first. */
    private static void awaitPresence(Replies events, String expected) {
        long deadline = System.nanoTime() + SOON.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String event = presenceEvent(events.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))));
            seen.add(event);
            if (event.equals(expected)) {
                return;
            }
        }
        throw new AssertionError("no '" + expected + "' within " + SOON + "; seen " + seen);
    }

    private static String presenceEvent(Replies.Reply event) {
        JsonObject result = event.ret().getAsJsonObject("result");
        return result.get("userId").getAsString() + " " + result.get("presence").getAsString();
    }
}
