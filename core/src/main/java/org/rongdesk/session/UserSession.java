package org.rongdesk.session;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.rongdesk.config.ClientConfig;
import org.rongdesk.connection.ServerLink;
import org.rongdesk.connection.SessionListener;
import org.rongdesk.content.ContentTypes;
import org.rongdesk.conversation.Conversations;
import org.rongdesk.message.Addresses;
import org.rongdesk.message.History;
import org.rongdesk.message.Messaging;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.people.People;
import org.rongdesk.room.RoomFeature;
import org.rongdesk.search.SearchIndex;
import org.rongdesk.store.LocalStore;

/**
 * Everything of one signed-in user: their local store (opened when {@code connect} is called,
 * so history reads work offline too), conversations, history, messaging, rooms and people. Closed when another
 * user connects or the client closes.
 */
public final class UserSession implements AutoCloseable {
    private final String userId;
    private final LocalStore store;
    private final SearchIndex search;
    private final Conversations conversations;
    private final History history;
    private final Messaging messaging;
    private final RoomFeature rooms;
    private final People people;

    private UserSession(String userId, LocalStore store, Messaging messaging, RoomFeature rooms, People people) {
        this.userId = userId;
        this.store = store;
        this.search = SearchIndex.open(store, store.directory().resolve("search"));
        this.conversations = new Conversations(store);
        this.history = new History(store, search);
        this.messaging = messaging;
        this.rooms = rooms;
        this.people = people;
    }

    /** Where {@code fs://} points: the config's {@code fileBase}, else {@code <data dir>/fs}. */
    public static Path fileBase(ClientConfig config, Path dataDir) {
        return config.fileBase() != null ? config.fileBase() : dataDir.resolve("fs");
    }

    /**
     * Opens {@code userId}'s store under {@code dataDir} and builds their features; {@code link}
     * tells whether a connection is being made and hears of stalls; {@code types} are the content
     * types the client knows.
     */
    public static UserSession open(ClientConfig config, Path dataDir, String userId, ServerLink link,
            ContentTypes types) {
        LocalStore store = LocalStore.open(dataDir, config.appKey(), userId);
        Path fileBase = fileBase(config, dataDir);
        Addresses addresses = new Addresses(config.appKey(), config.customerService());
        RoomFeature rooms = new RoomFeature(addresses, store, userId, link::isConnecting, config.timeout());
        Messaging messaging = new Messaging(config, store, types, userId, fileBase, link, rooms.rooms());
        rooms.wire(messaging);
        return new UserSession(userId, store, messaging, rooms, new People(store, addresses, userId, fileBase, link,
                config.timeout()));
    }

    public String userId() {
        return userId;
    }

    public Conversations conversations() {
        return conversations;
    }

    public History history() {
        return history;
    }

    public Messaging messaging() {
        return messaging;
    }

    public RoomFeature rooms() {
        return rooms;
    }

    public People people() {
        return people;
    }

    /** Newest stored messages of a conversation, of one type (null: all), for plugins. */
    public List<StoredMessage> history(ConversationKey key, String objectName, int count) {
        return store.history(key, -1, count, objectName);
    }

    /** What the connection tells this user's features: rooms first, so messaging finds them ready. */
    public SessionListener sessionListener() {
        return new SessionListener() {
            @Override
            public void connectionCreated(XMPPTCPConnection connection) {
                rooms.attach(connection);
                messaging.connectionCreated(connection);
                people.connectionCreated(connection);
            }

            @Override
            public CompletableFuture<Void> signedIn(XMPPTCPConnection connection, Runnable goOnline) {
                people.signedIn();
                return messaging.signedIn(connection, goOnline);
            }
        };
    }

    @Override
    public void close() {
        rooms.close();
        people.close();
        messaging.close();
        search.close();
        store.close();
    }
}
