package org.rongdesk.session;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.rongdesk.config.ClientConfig;
import org.rongdesk.content.ContentTypes;
import org.rongdesk.conversation.Conversations;
import org.rongdesk.message.History;
import org.rongdesk.message.Messaging;
import org.rongdesk.store.LocalStore;

/**
 * Everything of one signed-in user: their local store (opened when {@code connect} is called,
 * so history reads work offline too), conversations, history and messaging. Closed when another
 * user connects or the client closes.
 */
public final class UserSession implements AutoCloseable {
    private final String userId;
    private final LocalStore store;
    private final Conversations conversations;
    private final History history;
    private final Messaging messaging;

    private UserSession(String userId, LocalStore store, Messaging messaging) {
        this.userId = userId;
        this.store = store;
        this.conversations = new Conversations(store);
        this.history = new History(store);
        this.messaging = messaging;
    }

    /**
     * Opens {@code userId}'s store under {@code dataDir} and builds their features; {@code connecting}
     * tells whether a connection is being made.
     */
    public static UserSession open(ClientConfig config, Path dataDir, String userId, BooleanSupplier connecting) {
        LocalStore store = LocalStore.open(dataDir, config.appKey(), userId);
        Path fileBase = config.fileBase() != null ? config.fileBase() : dataDir.resolve("fs");
        return new UserSession(userId, store,
                new Messaging(config, store, ContentTypes.withBuiltIns(), userId, fileBase, connecting));
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

    @Override
    public void close() {
        messaging.close();
        store.close();
    }
}
