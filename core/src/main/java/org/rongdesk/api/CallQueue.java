package org.rongdesk.api;

import com.google.gson.JsonElement;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.NamedThreads;
import org.rongdesk.base.RongException;
import org.rongdesk.session.UserSession;

/**
 * Carries out API calls one after another, in the order they were made, on "rongcloud-calls"
 * (so {@code init} then {@code connect} needs no waiting). A call answers through the dispatcher
 * itself, or throws: a {@link RongException} answers its code, anything else -1 (logged).
 */
final class CallQueue {
    private static final Logger LOG = Logger.getLogger(CallQueue.class.getName());
    private final ExecutorService calls = NamedThreads.single("rongcloud-calls");
    private final CallbackDispatcher callbacks;
    private final Sessions sessions;

    /** A call's body. */
    @FunctionalInterface
    interface Call {
        void run() throws RongException;
    }

    /** The signed-in user's session, or the error that says why there is none. */
    @FunctionalInterface
    interface Sessions {
        UserSession require() throws RongException;
    }

    /** A read of the signed-in user's data. */
    @FunctionalInterface
    interface SessionQuery {
        JsonElement run(UserSession session) throws RongException;
    }

    /** A change to the signed-in user's data. */
    @FunctionalInterface
    interface SessionCommand {
        void run(UserSession session) throws RongException;
    }

    /** An operation on the network: checks its params at once, then works on its feature's thread. */
    @FunctionalInterface
    interface Operation {
        CompletableFuture<JsonElement> start(UserSession session) throws RongException;
    }

    CallQueue(CallbackDispatcher callbacks, Sessions sessions) {
        this.callbacks = callbacks;
        this.sessions = sessions;
    }

    /** Queues {@code call}; its failure is {@code callback}'s error. */
    void run(Callback callback, Call call) {
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
                    LOG.log(Level.WARNING, "an API call failed", e);
                    callbacks.error(callback, new RongException(ErrorCode.UNKNOWN, String.valueOf(e.getMessage())));
                }
            });
        } catch (RejectedExecutionException e) {
            callbacks.error(callback, new RongException(ErrorCode.UNKNOWN, "the client has been closed"));
        }
    }

    /** Answers {@code query}'s result. */
    void query(Callback callback, SessionQuery query) {
        run(callback, () -> callbacks.success(callback, query.run(sessions.require())));
    }

    /** Answers success once {@code command} is done. */
    void command(Callback callback, SessionCommand command) {
        run(callback, () -> {
            command.run(sessions.require());
            callbacks.success(callback);
        });
    }

    /**
     * Room and profile operations finish before the next call starts, so that, say, joinGroup
     * then a send to the group works without waiting for the first callback.
     */
    void awaited(Callback callback, Operation operation) {
        run(callback, () -> {
            JsonElement result;
            try {
                result = operation.start(sessions.require()).join();
            } catch (CompletionException e) {
                throw asRongException(e);
            }
            if (result == null) {
                callbacks.success(callback);
            } else {
                callbacks.success(callback, result);
            }
        });
    }

    /**
     * A read that may wait for the server answers when it is done, while the calls after it go
     * on (a list asking for twenty names does not hold up a send).
     */
    void async(Callback callback, Operation operation) {
        run(callback, () -> operation.start(sessions.require()).whenComplete((result, failure) -> {
            if (failure != null) {
                callbacks.error(callback, asRongException(failure));
            } else {
                callbacks.success(callback, result);
            }
        }));
    }

    /** Runs {@code last} after every queued call, waits for it (at most 30 s), then takes no more calls. */
    void closeAfter(Runnable last) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        try {
            calls.execute(() -> {
                try {
                    last.run();
                } finally {
                    closed.complete(null);
                }
            });
            closed.get(30, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            LOG.fine("closed twice");
        } catch (Exception e) {
            LOG.log(Level.WARNING, "closing the client did not finish", e);
        }
        calls.shutdown();
    }

    /** What a failed future answers: its RongException, else -1 (logged, as it was not foreseen). */
    static RongException asRongException(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RongException rong) {
            return rong;
        }
        LOG.log(Level.WARNING, "unexpected failure", cause);
        return new RongException(ErrorCode.UNKNOWN, String.valueOf(cause));
    }
}
