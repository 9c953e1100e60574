package org.rongdesk.room;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.rongdesk.message.Addresses;
import org.rongdesk.message.Messaging;
import org.rongdesk.store.LocalStore;

/** Discussions, groups and chat rooms of one signed-in user, wired to their rooms, store and messaging. */
public final class RoomFeature implements AutoCloseable {
    private final Rooms rooms;
    private final RoomThread thread = new RoomThread();
    private Discussions discussions;
    private Groups groups;
    private ChatRooms chatRooms;
    private final Addresses addresses;
    private final LocalStore store;
    private final String userId;

    /**
     * @param connecting whether a connection is being made (room operations wait for it)
     * @param timeout    how long they wait
     */
    public RoomFeature(Addresses addresses, LocalStore store, String userId, BooleanSupplier connecting, Duration timeout) {
        this.addresses = addresses;
        this.store = store;
        this.userId = userId;
        this.rooms = new Rooms(addresses, store, userId, connecting, timeout);
    }

    /** What messaging needs of rooms. */
    public Rooms rooms() {
        return rooms;
    }

    /** Completes the wiring once messaging exists (messaging needs {@link #rooms()} first). */
    public void wire(Messaging messaging) {
        this.discussions = new Discussions(rooms, addresses, store, messaging, thread, userId);
        this.groups = new Groups(rooms, store, messaging.incoming(), thread);
        this.chatRooms = new ChatRooms(rooms, store, messaging.incoming(), thread);
        messaging.incoming().addObserver(discussions::observe);
    }

    /** Uses a new connection. */
    public void attach(XMPPTCPConnection connection) {
        rooms.attach(connection);
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                rooms.connectionLost();
            }
        });
    }

    public Discussions discussions() {
        return discussions;
    }

    public Groups groups() {
        return groups;
    }

    public ChatRooms chatRooms() {
        return chatRooms;
    }

    @Override
    public void close() {
        thread.close();
    }
}
