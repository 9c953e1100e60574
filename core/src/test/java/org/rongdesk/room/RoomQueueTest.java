package org.rongdesk.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.message.Addresses;
import org.rongdesk.model.ConversationType;
import org.rongdesk.store.LocalStore;
import org.rongdesk.testing.RawXmpp;

/**
 * A room's messages do not pile up in Smack: {@code MultiUserChat} queues every message of a
 * joined room (up to 5,000 a room) for {@code nextMessage()}, which Rong Desk never calls; found
 * by {@code bench load}, where 50 clients in one busy room held over 100 MiB that way. The receive
 * path calls {@link Rooms#dropQueued} for each room message; the bench's live heap shows it works.
 */
@ExtendWith(EjabberdExtension.class)
class RoomQueueTest {
    private static final int MESSAGES = 30;

    @TempDir
    Path dir;

    @Test
    void aJoinedRoomKeepsNoQueueOfItsMessages(DevServer server) throws Exception {
        String appKey = server.settings().appKey();
        try (RawXmpp alice = RawXmpp.signIn(server, "alice43");
             RawXmpp bob = RawXmpp.signIn(server, "bob43");
             LocalStore store = LocalStore.open(dir, appKey, "bob43")) {
            Rooms rooms = new Rooms(new Addresses(appKey, Set.of()), store, "bob43", () -> false, Duration.ofSeconds(10));
            rooms.attach(bob.connection());
            EntityBareJid room = rooms.address("chatRoomId", ConversationType.CHATROOM, "queue43");
            MultiUserChat aliceInRoom = MultiUserChatManager.getInstanceFor(alice.connection()).getMultiUserChat(room);
            aliceInRoom.create(Resourcepart.from("alice43")).makeInstant();
            MultiUserChat bobInRoom = rooms.enter(room, 0);

            CountDownLatch received = new CountDownLatch(MESSAGES);
            bob.connection().addSyncStanzaListener(stanza -> received.countDown(), MessageTypeFilter.GROUPCHAT);
            for (int i = 0; i < MESSAGES; i++) {
                aliceInRoom.sendMessage("message " + i);
            }
            assertThat(received.await(30, TimeUnit.SECONDS)).as("bob got the room's messages").isTrue();
            rooms.dropQueued(room); // what the receive path does with each room message

            assertThat(bobInRoom.pollMessage()).as("a message Smack still queues").isNull();
        }
    }
}
