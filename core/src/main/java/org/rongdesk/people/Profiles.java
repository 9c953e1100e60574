package org.rongdesk.people;

import com.google.gson.JsonObject;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.nick.packet.Nick;
import org.jivesoftware.smackx.pep.PepManager;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.jxmpp.jid.EntityBareJid;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.Params;
import org.rongdesk.base.RongException;
import org.rongdesk.base.XmlChars;
import org.rongdesk.message.Addresses;
import org.rongdesk.message.ConnectionWait;
import org.rongdesk.model.UserInfo;
import org.rongdesk.store.LocalStore;

/**
 * Names and pictures. The user's own go to their vCard (NICKNAME, FN and PHOTO, which every XMPP
 * client reads), the PEP nickname (XEP-0172) and XEP-0084 avatar nodes, and the picture's hash
 * (XEP-0153) and the name into every presence they broadcast. Others' are read from their vCard
 * when first asked for, kept in the store, and read again in the background when a presence
 * announces another picture or the kept copy is over {@value #STALE_MS} ms old; a name in a
 * presence or a PEP nickname event is taken as it is, and an avatar event fetches its picture.
 * Network work runs on the people thread, never the caller's.
 */
final class Profiles {
    private static final Logger LOG = Logger.getLogger(Profiles.class.getName());
    /** The longest name, in characters. */
    static final int MAX_NAME = 64;
    /** How old a kept profile may be before asking for it reads it again. */
    static final long STALE_MS = 10 * 60_000;
    static final String UPDATE_NAMESPACE = "vcard-temp:x:update";

    private final LocalStore store;
    private final Addresses addresses;
    private final String userId;
    private final Portraits portraits;
    private final Supplier<XMPPTCPConnection> connection;
    private final ExecutorService thread;
    private final ConnectionWait signedIn;
    private final Avatars avatars;
    /** Reads under way, so that twenty rows asking for one user make one query. */
    private final Map<String, CompletableFuture<UserInfo>> reading = new ConcurrentHashMap<>();
    /** The nickname each contact last published on PEP: it stands when their vCard has no name. */
    private final Map<String, String> nicknames = new ConcurrentHashMap<>();
    private volatile UserInfoListener listener = info -> { };
    /** The connection the user's presence has gone out on: a new picture's hash may follow it. */
    private volatile XMPPTCPConnection onlineOn;

    Profiles(LocalStore store, Addresses addresses, String userId, Portraits portraits,
            Supplier<XMPPTCPConnection> connection, ConnectionWait signedIn, ExecutorService thread) {
        this.signedIn = signedIn;
        this.store = store;
        this.addresses = addresses;
        this.userId = userId;
        this.portraits = portraits;
        this.connection = connection;
        this.thread = thread;
        this.avatars = new Avatars(addresses, portraits);
    }

    void setListener(UserInfoListener listener) {
        this.listener = listener;
    }

    /** Hooks a new connection: presences carry the picture's hash; others' presences and PEP events are heard. */
    void attach(XMPPTCPConnection created) {
        created.addPresenceInterceptor(presence -> {
            onlineOn = created;
            announceProfile(presence);
        },
                presence -> presence.getType() == Presence.Type.available && presence.getTo() == null);
        created.addAsyncStanzaListener(this::heardPresence, stanza -> stanza instanceof Presence);
        PepManager pep = PepManager.getInstanceFor(created);
        pep.addPepEventListener(Nick.NAMESPACE, Nick.class, (from, nick, id, message) ->
                addresses.userId(from).ifPresent(user -> background(() -> renamed(user, nick.getName()))));
        avatars.listen(pep, (user, hash) -> background(() -> pictureAnnounced(user, hash, true)));
    }

    /** After a sign-in: the user's own profile as the server has it (another device may have changed it). */
    void signedIn() {
        background(() -> refresh(userId));
    }

    /**
     * {@code getUserInfo {userId}} → {@code {userId, name, portraitUri}}: the kept profile at
     * once (read again behind it when stale); one never read is read now, and someone without a
     * profile, or unknown to the server, or unreachable, answers their id as the name.
     */
    CompletableFuture<JsonObject> get(JsonObject params) throws RongException {
        String id = Params.requireId(params, "userId");
        addresses.user("userId", id);
        Optional<UserInfo> kept = store.userInfo(id);
        if (kept.isPresent()) {
            if (System.currentTimeMillis() - kept.get().checkedAt() > STALE_MS) {
                background(() -> refresh(id));
            }
            return CompletableFuture.completedFuture(UserInfoJson.of(kept.get()));
        }
        return reading(id).handle((info, failure) -> UserInfoJson.of(failure == null ? info : UserInfo.unknown(id)));
    }

    /** The kept profile of {@code id}, or the unknown one; a read is started when none is kept. */
    UserInfo known(String id) {
        Optional<UserInfo> kept = store.userInfo(id);
        if (kept.isEmpty()) {
            reading(id);
        }
        return kept.orElse(UserInfo.unknown(id));
    }

    /**
     * {@code setUserInfo {name, portraitPath?}}: publishes the user's name (1–{@value #MAX_NAME}
     * characters) and, when {@code portraitPath} names an image, their picture (an empty path
     * removes it; no path keeps it). -2 when signed out.
     */
    CompletableFuture<JsonObject> set(JsonObject params) throws RongException {
        String name = Params.requireString(params, "name").strip();
        if (name.isEmpty()) {
            throw RongException.invalid("name: must not be empty");
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_NAME) {
            throw RongException.invalid("name: at most " + MAX_NAME + " characters, was " + length);
        }
        XmlChars.require("name", name);
        String path = params.has("portraitPath") ? Params.requireStringOrEmpty(params, "portraitPath") : null;
        Portraits.Portrait portrait = path == null || path.isEmpty() ? null : portraits.fromFile("portraitPath", path);
        XMPPTCPConnection current = signedIn.signedIn("not signed in: the profile goes to the server");
        CompletableFuture<JsonObject> done = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    done.complete(UserInfoJson.of(publish(current, name, path == null, portrait)));
                } catch (XMPPException.XMPPErrorException e) {
                    done.completeExceptionally(new RongException(ErrorCode.SEND_FAILED, "the server refused the profile: "
                            + e.getStanzaError().getCondition()));
                } catch (SmackException e) {
                    done.completeExceptionally(new RongException(ErrorCode.SEND_FAILED, "the profile was not saved: "
                            + e.getMessage()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    done.completeExceptionally(new RongException(ErrorCode.SEND_FAILED, "closing: the profile was not saved"));
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new RongException(ErrorCode.SEND_FAILED, "closing: the profile was not saved"));
        }
        return done;
    }

    private UserInfo publish(XMPPTCPConnection current, String name, boolean keepPicture, Portraits.Portrait portrait)
            throws XMPPException.XMPPErrorException, SmackException, InterruptedException {
        VCardManager vcards = VCardManager.getInstanceFor(current);
        VCard card = ownCard(vcards);
        card.setNickName(name);
        card.setField("FN", name);
        if (portrait != null) {
            card.setAvatar(portrait.png(), "image/png");
        } else if (!keepPicture) {
            card.removeAvatar();
        }
        vcards.saveVCard(card);
        UserInfo before = store.userInfo(userId).orElse(UserInfo.unknown(userId));
        UserInfo now = fromCard(userId, card);
        store.saveUserInfo(now);
        try {
            PepManager.getInstanceFor(current).publish(Nick.NAMESPACE, new PayloadItem<>(new Nick(name)));
            if (portrait != null) {
                avatars.publish(current, portrait);
            } else if (!keepPicture) {
                avatars.unpublish(current);
            }
        } catch (XMPPException | SmackException e) {
            LOG.log(Level.INFO, "the PEP nickname or avatar was not published (the vCard was)", e);
        }
        if (now.looksDifferent(before) || !now.photoHash().equals(before.photoHash())) {
            broadcastPresence(current);
        }
        if (now.looksDifferent(before)) {
            listener.changed(now);
        }
        return now;
    }

    private static VCard ownCard(VCardManager vcards) throws SmackException, InterruptedException,
            XMPPException.XMPPErrorException {
        try {
            return vcards.loadVCard();
        } catch (XMPPException.XMPPErrorException e) {
            if (noProfile(e)) {
                return new VCard();
            }
            throw e;
        }
    }

    /**
     * A presence going out: with the picture's hash once it is known (XEP-0153) and the name
     * (XEP-0172's element): contacts learn a new name from it even when the server has not yet
     * learnt that they want PEP nickname events (it asks each new client version what it wants).
     */
    private void announceProfile(PresenceBuilder presence) {
        store.userInfo(userId).filter(own -> own.checkedAt() > 0).ifPresent(own -> {
            StandardExtensionElement.Builder update = StandardExtensionElement.builder("x", UPDATE_NAMESPACE);
            update.addElement("photo", own.photoHash());
            presence.overrideExtension(update.build());
            if (!own.name().isEmpty()) {
                presence.overrideExtension(new Nick(own.name()));
            }
        });
    }

    private void heardPresence(Stanza stanza) {
        Presence presence = (Presence) stanza;
        if (presence.getFrom() == null) {
            return;
        }
        Optional<String> user = addresses.userId(presence.getFrom().asBareJid());
        if (user.isEmpty()) {
            return;
        }
        if (presence.getExtensionElement(Nick.ELEMENT_NAME, Nick.NAMESPACE) instanceof Nick nick
                && !clipped(nick.getName()).equals(nicknames.get(user.get()))) { // every presence carries it: only news
            background(() -> renamed(user.get(), nick.getName()));
        }
        ExtensionElement update = presence.getExtensionElement("x", UPDATE_NAMESPACE);
        if (!(update instanceof StandardExtensionElement element)) {
            return;
        }
        StandardExtensionElement photo = element.getFirstElement("photo");
        if (photo == null) {
            return; // "not ready to advertise", XEP-0153 §4.1
        }
        String hash = photo.getText() == null ? "" : photo.getText().strip();
        background(() -> pictureAnnounced(user.get(), hash, false));
    }

    /** Someone's presence or avatar event names a picture: read their profile again unless it is the kept one. */
    private void pictureAnnounced(String user, String hash, boolean avatarEvent) {
        UserInfo kept = store.userInfo(user).orElse(null);
        if (kept != null && kept.photoHash().equals(hash)) {
            return;
        }
        UserInfo read = refresh(user);
        if (avatarEvent && read != null && !read.photoHash().equals(hash) && !hash.isEmpty()) {
            avatars.fetch(connection.get(), user, hash).ifPresent(uri -> {
                UserInfo withPicture = new UserInfo(user, read.name(), uri, hash, System.currentTimeMillis());
                store.saveUserInfo(withPicture);
                listener.changed(withPicture);
            });
        }
    }

    private void renamed(String user, String nickname) {
        String name = clipped(nickname);
        nicknames.put(user, name);
        UserInfo kept = store.userInfo(user).orElse(UserInfo.unknown(user));
        if (name.isEmpty() || name.equals(kept.name())) {
            return;
        }
        UserInfo now = new UserInfo(user, name, kept.portraitUri(), kept.photoHash(), kept.checkedAt());
        store.saveUserInfo(now);
        listener.changed(now);
    }

    private CompletableFuture<UserInfo> reading(String id) {
        return reading.computeIfAbsent(id, user -> {
            CompletableFuture<UserInfo> read = new CompletableFuture<>();
            try {
                thread.execute(() -> {
                    try {
                        UserInfo info = refresh(user);
                        if (info == null) {
                            read.completeExceptionally(new IllegalStateException("not signed in"));
                        } else {
                            read.complete(info);
                        }
                    } finally {
                        reading.remove(user);
                    }
                });
            } catch (RejectedExecutionException e) {
                reading.remove(user);
                read.completeExceptionally(e);
            }
            return read;
        });
    }

    /**
     * Reads {@code user}'s vCard, keeps it, and tells the listener when it looks different;
     * null when it could not be read (signed out, no answer).
     */
    private UserInfo refresh(String user) {
        XMPPTCPConnection current = connection.get();
        if (current == null || !current.isAuthenticated()) {
            return null;
        }
        VCard card;
        try {
            EntityBareJid jid = addresses.user("userId", user);
            VCardManager vcards = VCardManager.getInstanceFor(current);
            card = user.equals(userId) ? vcards.loadVCard() : vcards.loadVCard(jid);
        } catch (XMPPException.XMPPErrorException e) {
            if (!noProfile(e)) {
                LOG.info(() -> "the profile of " + user + " was not read: " + e.getStanzaError().getCondition());
                return null;
            }
            card = null;
        } catch (SmackException | RongException e) {
            LOG.log(Level.FINE, "the profile of " + user + " was not read", e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        UserInfo kept = store.userInfo(user).orElse(UserInfo.unknown(user));
        UserInfo read = card == null ? new UserInfo(user, "", "", "", System.currentTimeMillis()) : fromCard(user, card);
        if (read.name().isEmpty() && nicknames.containsKey(user)) {
            read = new UserInfo(user, nicknames.get(user), read.portraitUri(), read.photoHash(), read.checkedAt());
        }
        if (read.portraitUri().isEmpty() && avatars.announced(user).filter(kept.photoHash()::equals).isPresent()) {
            read = new UserInfo(user, read.name(), kept.portraitUri(), kept.photoHash(), read.checkedAt()); // an XEP-0084 picture
        }
        store.saveUserInfo(read);
        if (read.looksDifferent(kept)) {
            listener.changed(read);
        }
        return read;
    }

    private UserInfo fromCard(String user, VCard card) {
        String name = clipped(card.getNickName());
        if (name.isEmpty()) {
            name = clipped(card.getField("FN"));
        }
        byte[] photo = card.getAvatar();
        String uri = photo == null ? "" : portraits.keep(photo, card.getAvatarMimeType());
        String hash = uri.isEmpty() ? "" : Portraits.sha1(photo);
        return new UserInfo(user, name, uri, hash, System.currentTimeMillis());
    }

    /** A name from a peer's profile as it is kept: trimmed, at most {@value #MAX_NAME} characters. */
    static String clipped(String name) {
        if (name == null) {
            return "";
        }
        String trimmed = XmlChars.replaceUnsafe(name).strip();
        if (trimmed.codePointCount(0, trimmed.length()) <= MAX_NAME) {
            return trimmed;
        }
        return trimmed.substring(0, trimmed.offsetByCodePoints(0, MAX_NAME));
    }

    private static boolean noProfile(XMPPException.XMPPErrorException e) {
        return switch (e.getStanzaError().getCondition()) {
            case item_not_found, service_unavailable, feature_not_implemented, not_allowed, forbidden, not_authorized -> true;
            default -> false;
        };
    }

    /** Presence again, for contacts to see the new picture's hash; only once the user is online. */
    private void broadcastPresence(XMPPTCPConnection current) throws SmackException.NotConnectedException,
            InterruptedException {
        if (current.isAuthenticated() && current == onlineOn) {
            current.sendStanza(current.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available).build());
        }
    }

    private void background(Runnable work) {
        try {
            thread.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "reading or publishing a profile failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.fine("closing: a profile is not read");
        }
    }
}
