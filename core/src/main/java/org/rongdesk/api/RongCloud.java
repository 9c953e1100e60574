package org.rongdesk.api;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.rongdesk.config.ClientConfig;
import org.rongdesk.config.ConfigReader;
import org.rongdesk.connection.ConnectionManager;
import org.rongdesk.connection.ConnectionStatus;
import org.rongdesk.connection.Token;

/**
 * The rongCloud API, one method per spec method, with the spec's names, JSON parameters and
 * {@code callback(ret, err)}. Every method returns at once; calls are carried out one after
 * another in the order they were made (so {@code init} then {@code connect} needs no waiting),
 * and callbacks arrive on the client's callback thread (see {@link Callback}).
 *
 * <p>One instance is one client: one config file, one data directory, one signed-in user.
 */
public final class RongCloud implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RongCloud.class.getName());

    private final Path configFile;
    private final Path dataDir;
    private final CallbackDispatcher callbacks = new CallbackDispatcher();
    private final ExecutorService calls = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rongcloud-calls");
        thread.setDaemon(true);
        return thread;
    });

    // confined to the calls thread
    private ClientConfig config;
    private ConnectionManager connection;
    private volatile Callback statusListener;

    /**
     * @param configFile the {@code config.xml} that {@link #init} reads (may be null: init then answers -10002)
     * @param dataDir    where this client keeps its local data
     */
    public RongCloud(Path configFile, Path dataDir) {
        this.configFile = configFile;
        this.dataDir = dataDir;
    }

    /** The directory this client keeps its local data in. */
    public Path dataDir() {
        return dataDir;
    }

    /** Reads {@code config.xml}. -10002 when it is missing, unreadable or has no appKey. */
    public void init(Callback callback) {
        run(callback, () -> {
            ClientConfig read = ConfigReader.read(configFile);
            if (connection != null && !read.equals(config)) {
                if (connection.status() != ConnectionStatus.DISCONNECTED) {
                    throw RongException.invalid("the config changed while connected: disconnect before init");
                }
                connection.close();
                connection = null;
            }
            if (connection == null) {
                config = read;
                connection = new ConnectionManager(read);
                connection.addStatusListener(this::reportStatus);
            }
            callbacks.success(callback);
        });
    }

    /**
     * Signs in with {@code params.token}. Success gives {@code result.userId}. Errors: -10000,
     * -10002 (token missing or not a string), 2004 (token unreadable, forged, expired or for
     * another App Key), 2005 (App Key unknown to the server), 2003 (server unreachable), 5004
     * (server silent); after 2003 and 5004 the client keeps trying and reports status 0 when in.
     */
    public void connect(JsonObject params, Callback callback) {
        run(callback, () -> {
            requireInit();
            Token token = Token.parse(Params.requireString(params, "token"), config.appKey());
            answerWithUserId(connection.connect(token), callback);
        });
    }

    /** Signs in again with the last token. -10000 before init, -10001 before connect. */
    public void reconnect(Callback callback) {
        run(callback, () -> {
            requireInit();
            answerWithUserId(connection.reconnect(), callback);
        });
    }

    /** Signs out; {@code params.isReceivePush} (default true) is accepted. Status -9 follows. */
    public void disconnect(JsonObject params, Callback callback) {
        run(callback, () -> {
            requireInit();
            boolean receivePush = Params.optionalBoolean(params, "isReceivePush", true);
            connection.disconnect(receivePush).whenComplete((done, failure) -> {
                if (failure != null) {
                    callbacks.error(callback, asRongException(failure));
                } else {
                    callbacks.success(callback);
                }
            });
        });
    }

    /**
     * Sets the one listener that hears every connection status change as
     * {@code {"result":{"code":0,"connectionStatus":"CONNECTED"}}}; replaces the previous one.
     */
    public void setConnectionStatusListener(Callback callback) {
        run(callback, () -> {
            requireInit();
            statusListener = callback;
        });
    }

    /** Signs out and stops this client's threads. */
    @Override
    public void close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        try {
            calls.execute(() -> {
                if (connection != null) {
                    connection.close();
                }
                closed.complete(null);
            });
            closed.get(30, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            LOG.fine("closed twice");
        } catch (Exception e) {
            LOG.log(Level.WARNING, "closing the connection did not finish", e);
        }
        calls.shutdown();
        callbacks.close();
    }

    private void reportStatus(ConnectionStatus status) {
        Callback listener = statusListener;
        if (listener == null) {
            return;
        }
        JsonObject result = new JsonObject();
        result.addProperty("code", status.code());
        result.addProperty("connectionStatus", status.name());
        JsonObject ret = new JsonObject();
        ret.add("result", result);
        callbacks.emit(listener, ret, null);
    }

    private void answerWithUserId(CompletableFuture<String> signIn, Callback callback) {
        signIn.whenComplete((userId, failure) -> {
            if (failure != null) {
                callbacks.error(callback, asRongException(failure));
            } else {
                JsonObject result = new JsonObject();
                result.addProperty("userId", userId);
                callbacks.success(callback, result);
            }
        });
    }

    private void requireInit() throws RongException {
        if (connection == null) {
            throw new RongException(ErrorCode.NOT_INITIALIZED, "init has not succeeded yet");
        }
    }

    private static RongException asRongException(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RongException rong) {
            return rong;
        }
        LOG.log(Level.WARNING, "unexpected failure", cause);
        return new RongException(ErrorCode.UNKNOWN, String.valueOf(cause));
    }

    /** A call's body: it answers through the dispatcher itself, or throws to answer an error. */
    @FunctionalInterface
    private interface Call {
        void run() throws RongException;
    }

    private void run(Callback callback, Call call) {
        if (callback == null) {
            throw new IllegalArgumentException("callback must not be null");
        }
        try {
            calls.execute(() -> {
                try {
                    call.run();
                } catch (RongException e) {
                    callbacks.error(callback, e);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "unexpected failure in an API call", e);
                    callbacks.error(callback, new RongException(ErrorCode.UNKNOWN, String.valueOf(e)));
                }
            });
        } catch (RejectedExecutionException e) {
            callbacks.error(callback, new RongException(ErrorCode.UNKNOWN, "the client has been closed"));
        }
    }
}
