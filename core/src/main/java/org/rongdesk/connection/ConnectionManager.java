package org.rongdesk.connection;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.jxmpp.stringprep.XmppStringprepException;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.NamedThreads;
import org.rongdesk.base.RongException;
import org.rongdesk.config.ClientConfig;
import org.rongdesk.config.Endpoint;

/**
 * Owns the XMPP connection of one client: connects with a token, reconnects by itself with
 * {@link Backoff backoff} after the connection drops, stops for good when the same user signs in
 * elsewhere (status 6), and reports every status change to its listeners.
 *
 * <h2>Threads</h2>
 * All work runs on one thread of its own ("rongcloud-connection"), so connect, reconnect,
 * disconnect and automatic attempts happen one at a time, in the order asked. Methods return at
 * once with a future; listeners are called on that thread.
 *
 * <h2>XMPP</h2>
 * Signs in with SASL PLAIN (user = the token's JID local part, password = the token), resource
 * {@value #RESOURCE}. Stream management stays off: Smack 4.4.8's XEP-0198 acks hung under load
 * (shared/notes/ejabberd.md).
 *
 * <h2>Stalls</h2>
 * A server that stops answering while its socket stays open (frozen, overloaded, a broken path)
 * shows as a ping without pong: after {@link #KEEPALIVE} without any stanza from the server a
 * ping goes out, and sends ping too. A ping without answer within the timeout is only a suspicion
 * (a busy server answers late): a probe ping follows, and when nothing at all has come from the
 * server one more timeout later, the connection is dropped and made again as after a drop.
 */
public final class ConnectionManager implements ServerLink, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ConnectionManager.class.getName());
    /** One resource for every Rong Desk client: a second sign-in replaces the first, as in rongCloud. */
    static final String RESOURCE = "rongdesk";
    /** Longest wait for a catch-up before presence is sent anyway. */
    public static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(2);
    /** Quiet time after which the server is pinged to learn whether it is still there. */
    public static final Duration KEEPALIVE = Duration.ofSeconds(60);

    private final ClientConfig config;
    private final ScheduledExecutorService worker = NamedThreads.scheduled("rongcloud-connection");
    private final Set<ConnectionStatusListener> listeners = new CopyOnWriteArraySet<>();
    private final Backoff backoff = new Backoff();
    private final TransportSecurity security;

    // confined to the worker thread
    private XMPPTCPConnection connection;
    private Token token;
    private boolean wanted;
    private ScheduledFuture<?> retry;

    private volatile ConnectionStatus status = ConnectionStatus.DISCONNECTED;
    /** Sign-ins asked for and not yet attempted: the client counts as connecting from the call on. */
    private final AtomicInteger signInsAsked = new AtomicInteger();
    private volatile SessionListener session = new SessionListener() { };

    public ConnectionManager(ClientConfig config) {
        this.config = config;
        this.security = new TransportSecurity(config);
    }

    /**
     * Signs in with {@code token}; completes with the user id, or with a {@link RongException}
     * (2003, 2004, 2005, 5004, -1). After 2003 or 5004 it goes on trying by itself, reporting
     * status 0 when it gets through. Connecting again with the same token while connected
     * changes nothing; another token replaces the session.
     */
    public CompletableFuture<String> connect(Token newToken) {
        signInsAsked.incrementAndGet();
        return onWorker(() -> {
            try {
                if (connection != null && newToken.equals(token) && connection.isAuthenticated()) {
                    return newToken.userId();
                }
                wanted = true;
                cancelRetry();
                closeConnection();
                token = newToken;
                return attempt();
            } finally {
                signInsAsked.decrementAndGet(); // after attempt() set the status: no gap in isConnecting()
            }
        });
    }

    /** Drops the current session (if any) and signs in again with the last token. -10001 before {@link #connect}. */
    public CompletableFuture<String> reconnect() {
        signInsAsked.incrementAndGet();
        return onWorker(() -> {
            try {
                if (token == null) {
                    throw new RongException(ErrorCode.NOT_CONNECTED, "connect has not been called yet");
                }
                wanted = true;
                cancelRetry();
                closeConnection();
                return attempt();
            } finally {
                signInsAsked.decrementAndGet();
            }
        });
    }

    /**
     * Closes the session (unavailable presence, then the stream) and stops reconnecting. The
     * server keeps messages sent meanwhile for the next sign-in; {@code receivePush} is accepted
     * for the spec's sake and changes nothing over XMPP, which has no push service.
     */
    public CompletableFuture<Void> disconnect(boolean receivePush) {
        return onWorker(() -> {
            wanted = false;
            cancelRetry();
            closeConnection();
            setStatus(ConnectionStatus.DISCONNECTED);
            return null;
        });
    }

    @Override
    public void unanswered(XMPPConnection suspect) {
        long since = System.currentTimeMillis();
        try {
            suspect.sendIqRequestAsync(new Ping(suspect, suspect.getXMPPServiceDomain()), config.timeout().toMillis());
            worker.schedule(() -> onSilence(suspect, since), config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.fine("the client is closing: a stall no longer matters");
        }
    }

    /** Sets the one listener of the signed-in user's features; set it before {@link #connect}. */
    public void setSessionListener(SessionListener listener) {
        this.session = listener;
    }

    /** Whether a sign-in is under way or asked for (automatic retries included). */
    public boolean isConnecting() {
        return status == ConnectionStatus.CONNECTING || signInsAsked.get() > 0;
    }

    /** The status last reported. */
    public ConnectionStatus status() {
        return status;
    }

    /** Adds a status listener; false if it was added before. */
    public boolean addStatusListener(ConnectionStatusListener listener) {
        return listeners.add(listener);
    }

    /** Removes a status listener; false if it was not there. */
    public boolean removeStatusListener(ConnectionStatusListener listener) {
        return listeners.remove(listener);
    }

    /** Disconnects and stops the connection thread, waiting for it up to the configured timeout. */
    @Override
    public void close() {
        disconnect(true);
        worker.shutdown();
        try {
            if (!worker.awaitTermination(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                LOG.warning("the connection thread did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One sign-in: the config's servers in their order until one signs the user in. A server that
     * cannot be reached or refuses for now (retryable) passes the turn to the next at once; when
     * the last fails too, the backoff decides when the first is tried again. A refusal that no
     * server can mend (a bad token, an unknown App Key, an untrusted certificate) ends it.
     */
    private String attempt() throws RongException {
        List<Endpoint> servers = config.servers();
        for (int i = 0; ; i++) {
            Endpoint server = servers.get(i);
            ConnectFailure failure = attempt(server);
            if (failure == null) {
                return token.userId();
            }
            boolean next = failure.retryable && wanted && i + 1 < servers.size();
            LOG.log(Level.INFO, "connecting to " + server + " failed (" + failure.error.code() + "): "
                    + failure.error.getMessage() + (next ? "; trying " + servers.get(i + 1) : ""), failure.error.getCause());
            if (next) {
                continue;
            }
            if (failure.retryable && wanted) {
                setStatus(failure.networkUnavailable ? ConnectionStatus.NETWORK_UNAVAILABLE : ConnectionStatus.CONNECTING);
                scheduleRetry();
            } else {
                wanted = false;
                setStatus(ConnectionStatus.DISCONNECTED);
            }
            throw failure.error;
        }
    }

    /**
     * Signs in to {@code server} on a new connection object (Smack's managers keep state from the
     * stream they saw: rooms it believes joined, a cached block list, wrong after a drop); null when
     * signed in, else why not.
     */
    private ConnectFailure attempt(Endpoint server) throws RongException {
        closeConnection();
        XMPPTCPConnection attempted = newConnection(token, server);
        connection = attempted;
        setStatus(ConnectionStatus.CONNECTING);
        try {
            attempted.connect();
            attempted.login();
        } catch (Exception e) {
            if (attempted.isConnected()) {
                attempted.disconnect();
            }
            return ConnectFailure.of(e, config, server, token);
        }
        backoff.reset();
        LOG.info(() -> "signed in as " + token.userId() + " to " + server);
        setStatus(ConnectionStatus.CONNECTED);
        AtomicBoolean online = new AtomicBoolean();
        Runnable goOnline = () -> {
            if (online.compareAndSet(false, true)) {
                sendPresence(attempted);
            }
        };
        session.signedIn(attempted, goOnline)
                .orTimeout(CATCH_UP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        LOG.log(Level.WARNING, "catching up did not finish; going online anyway", failure);
                    }
                    goOnline.run();
                });
        return null;
    }

    private void sendPresence(XMPPTCPConnection signedIn) {
        if (!signedIn.isAuthenticated()) {
            return;
        }
        try {
            signedIn.sendStanza(signedIn.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available).build());
        } catch (SmackException.NotConnectedException e) {
            LOG.fine("the connection dropped before presence could be sent");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void retryNow() {
        retry = null;
        if (!wanted || token == null) {
            return;
        }
        try {
            attempt();
        } catch (RongException e) {
            // attempt() has logged it and decided whether to try again
            LOG.fine(() -> "automatic reconnection attempt failed: " + e.getMessage());
        }
    }

    private void onClosedOnError(XMPPTCPConnection closed, Exception e) {
        if (closed != connection || !wanted || closed.isAuthenticated()) {
            return; // an old session's news
        }
        if (e instanceof XMPPException.StreamErrorException streamError
                && streamError.getStreamError().getCondition() == StreamError.Condition.conflict) {
            LOG.warning(() -> token.userId() + " signed in elsewhere; staying offline until told to connect");
            wanted = false;
            setStatus(ConnectionStatus.KICKED_OFFLINE_BY_OTHER_CLIENT);
            return;
        }
        LOG.log(Level.INFO, "connection dropped; reconnecting", e);
        setStatus(ConnectionStatus.CONNECTING);
        scheduleRetry();
    }

    private void onSilence(XMPPConnection suspect, long since) {
        if (suspect != connection || !wanted || !connection.isAuthenticated()) {
            return; // an old session's news, or already dropped
        }
        if (connection.getLastStanzaReceived() >= since) {
            LOG.fine("the server answers late, but it answers");
            return;
        }
        LOG.info(() -> "nothing from the server for " + (System.currentTimeMillis() - since) + " ms after a ping went"
                + " unanswered; dropping the connection and reconnecting");
        connection.instantShutdown();
        setStatus(ConnectionStatus.CONNECTING);
        scheduleRetry();
    }

    private void scheduleRetry() {
        cancelRetry();
        Duration delay = backoff.next();
        LOG.fine(() -> "next connection attempt in " + delay.toMillis() + " ms");
        try {
            retry = worker.schedule(this::retryNow, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.fine("the client is closing: no more connection attempts");
        }
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }

    private void closeConnection() {
        if (connection != null && connection.isConnected()) {
            connection.disconnect();
        }
    }

    private XMPPTCPConnection newConnection(Token forToken, Endpoint server) throws RongException {
        XMPPTCPConnectionConfiguration configuration;
        try {
            XMPPTCPConnectionConfiguration.Builder builder = XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(config.appKey())
                    .setHost(server.host())
                    .setPort(server.port())
                    .setUsernameAndPassword(forToken.localpart(), forToken.secret())
                    .setResource(RESOURCE)
                    .addEnabledSaslMechanism("PLAIN")
                    .setConnectTimeout((int) config.timeout().toMillis())
                    .setSendPresence(false);
            security.applyTo(builder);
            configuration = builder.build();
        } catch (XmppStringprepException e) {
            throw new RongException(ErrorCode.INVALID_PARAMETER, "App Key " + config.appKey() + " is not an XMPP domain", e);
        }
        ShallowXmlParser.install();
        XMPPTCPConnection created = new XMPPTCPConnection(configuration);
        created.setReplyTimeout(config.timeout().toMillis());
        created.setUseStreamManagement(false);
        PingManager pings = PingManager.getInstanceFor(created);
        pings.setPingInterval((int) KEEPALIVE.toSeconds());
        pings.registerPingFailedListener(() -> unanswered(created));
        created.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                worker.execute(() -> onClosedOnError(created, e));
            }
        });
        session.connectionCreated(created);
        return created;
    }

    private void setStatus(ConnectionStatus next) {
        if (next == status) {
            return;
        }
        status = next;
        for (ConnectionStatusListener listener : listeners) {
            try {
                listener.statusChanged(next);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a connection status listener failed", e);
            }
        }
    }

    private <T> CompletableFuture<T> onWorker(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            worker.execute(() -> {
                try {
                    result.complete(work.call());
                } catch (Exception e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new RongException(ErrorCode.UNKNOWN, "the client has been closed", e));
        }
        return result;
    }
}
