package org.rongdesk.room;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.NamedThreads;
import org.rongdesk.base.RongException;

/** Runs room operations, which wait on the server, one at a time on "rongcloud-rooms". */
final class RoomThread implements AutoCloseable {
    private final ExecutorService thread = NamedThreads.single("rongcloud-rooms");

    <T> CompletableFuture<T> run(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    result.complete(work.call());
                } catch (Exception e) {
                    result.completeExceptionally(RoomFailures.of(e, "the room operation"));
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new RongException(ErrorCode.UNKNOWN, "the client has been closed", e));
        }
        return result;
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
