package org.rongdesk.people;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.rongdesk.base.NamedThreads;
import org.rongdesk.base.RongException;
import org.rongdesk.media.LocalFiles;
import org.rongdesk.connection.ServerLink;
import org.rongdesk.message.Addresses;
import org.rongdesk.message.ConnectionWait;
import org.rongdesk.model.UserInfo;
import org.rongdesk.store.LocalStore;

/** One signed-in user's people: profiles (names and pictures) and contacts with presence. */
public final class People implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(People.class.getName());
    private final AtomicReference<XMPPTCPConnection> connection = new AtomicReference<>();
    private final ExecutorService thread = NamedThreads.single("rongcloud-people");
    private final Profiles profiles;
    private final Contacts contacts;

    /**
     * @param fileBase where {@code fs://} points, for the user's own picture
     * @param link     whether a connection is being made: changes wait for it (up to {@code timeout})
     */
    public People(LocalStore store, Addresses addresses, String userId, Path fileBase, ServerLink link, Duration timeout) {
        Portraits portraits = new Portraits(store.directory(), new LocalFiles(fileBase));
        ConnectionWait signedIn = new ConnectionWait(connection::get, link, timeout);
        this.profiles = new Profiles(store, addresses, userId, portraits, connection::get, signedIn, thread);
        this.contacts = new Contacts(store, addresses, connection::get, signedIn, profiles::known);
    }

    /** A new connection is made for the user: hook it before it signs in. */
    public void connectionCreated(XMPPTCPConnection created) {
        connection.set(created);
        profiles.attach(created);
        contacts.attach(created);
    }

    /** The user is signed in on {@code signedIn}. */
    public void signedIn() {
        profiles.signedIn();
    }

    /** {@code getUserInfo {userId}} → {@code {userId, name, portraitUri}}. */
    public CompletableFuture<JsonElement> userInfo(JsonObject params) throws RongException {
        return profiles.get(params).thenApply(JsonElement.class::cast);
    }

    /** What is kept of {@code userId} (the id as name when nothing is), a read started when nothing is. */
    public UserInfo known(String userId) {
        return profiles.known(userId);
    }

    /** {@code setUserInfo {name, portraitPath?}} → the user's own {@code {userId, name, portraitUri}}. */
    public CompletableFuture<JsonElement> setUserInfo(JsonObject params) throws RongException {
        return profiles.set(params).thenApply(JsonElement.class::cast);
    }

    /** {@code getContacts} → {@code [{userId, name, portraitUri, presence, subscription}]}. */
    public JsonArray contacts() {
        return contacts.list();
    }

    /** {@code addContact {userId}}. */
    public void addContact(JsonObject params) throws RongException {
        contacts.add(params);
    }

    /** Adds {@code userId} on the people thread (for plugins, which must not wait); a failure is logged. */
    public void addContactLater(String userId) {
        JsonObject params = new JsonObject();
        params.addProperty("userId", userId);
        try {
            thread.execute(() -> {
                try {
                    contacts.add(params);
                } catch (RongException e) {
                    LOG.info(() -> userId + " was not added to the contacts: " + e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.info(() -> "closing: " + userId + " was not added to the contacts");
        }
    }

    /** {@code removeContact {userId}}. */
    public void removeContact(JsonObject params) throws RongException {
        contacts.remove(params);
    }

    public void setUserInfoListener(UserInfoListener listener) {
        profiles.setListener(listener);
    }

    public void setPresenceListener(PresenceListener listener) {
        contacts.setListener(listener);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
