package org.rongdesk.message;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.EntityBareJid;
import org.rongdesk.base.NamedThreads;

/**
 * Rooms lost with their cluster node. On an ejabberd cluster a room lives on one node; when that
 * node dies the room is gone, and it comes back from the database at the next join without its
 * occupants, none of whom is told (no presence arrives). Two signs show it: the room refuses a
 * message of the user's as not an occupant's (see {@link OutgoingMessages}), and a room that has
 * been silent for {@code checkEvery} answers a XEP-0410 self-ping with not-acceptable. A missing
 * presence cannot be a sign: a lost room and a quiet one both send nothing. Either sign enters
 * the room again and reads its archive from where this client stopped hearing it, so nothing
 * said in between is missed (what arrives twice is stored once).
 *
 * <h2>Threads</h2>
 * Self-pings run on "rongcloud-room-check"; entering and reading the archive on the receive thread.
 */
final class LostRooms implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LostRooms.class.getName());
    /** Read the archive from a little before the room was last heard: clocks of client and server differ. */
    private static final Duration ARCHIVE_MARGIN = Duration.ofMinutes(1);

    private final RoomHooks rooms;
    private final ArchiveCatchUp archive;
    private final Arrivals arrivals;
    private final ExecutorService receiveThread;
    private final Duration checkEvery;
    private final ScheduledExecutorService checks = NamedThreads.scheduled("rongcloud-room-check");
    private final Map<EntityBareJid, Long> lastHeard = new ConcurrentHashMap<>();
    private final Map<EntityBareJid, CompletableFuture<Boolean>> recovering = new ConcurrentHashMap<>();
    private volatile XMPPTCPConnection connection;

    LostRooms(RoomHooks rooms, ArchiveCatchUp archive, Arrivals arrivals, ExecutorService receiveThread, Duration checkEvery) {
        this.rooms = rooms;
        this.archive = archive;
        this.arrivals = arrivals;
        this.receiveThread = receiveThread;
        this.checkEvery = checkEvery;
        long period = Math.max(1_000, checkEvery.toMillis() / 4);
        checks.scheduleWithFixedDelay(this::checkSilentRooms, period, period, TimeUnit.MILLISECONDS);
    }

    /** Watches a new connection: every room entered on it counts as heard now. */
    void attach(XMPPTCPConnection newConnection) {
        connection = newConnection;
        lastHeard.clear();
    }

    /** Something arrived from {@code room}: it still knows the user. */
    void heard(EntityBareJid room) {
        lastHeard.put(room, System.currentTimeMillis());
    }

    /**
     * Enters {@code room} again and catches up from its archive, once however many ask at a time;
     * completes with whether the user is in the room again.
     */
    CompletableFuture<Boolean> recover(EntityBareJid room) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        CompletableFuture<Boolean> running = recovering.putIfAbsent(room, done);
        if (running != null) {
            return running;
        }
        long since = lastHeard.getOrDefault(room, System.currentTimeMillis() - checkEvery.toMillis());
        try {
            receiveThread.execute(() -> {
                boolean entered = false;
                try {
                    XMPPTCPConnection current = connection;
                    entered = current != null && rooms.enterAgain(room);
                    if (entered) {
                        heard(room);
                        arrivals.deliver(archive.read(current, room, new Date(since - ARCHIVE_MARGIN.toMillis())));
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "recovering " + room + " failed", e);
                } finally {
                    recovering.remove(room);
                    done.complete(entered);
                }
            });
        } catch (RejectedExecutionException e) {
            recovering.remove(room);
            done.complete(false);
        }
        return done;
    }

    private void checkSilentRooms() {
        try {
            XMPPTCPConnection current = connection;
            if (current == null || !current.isAuthenticated()) {
                return;
            }
            long now = System.currentTimeMillis();
            for (EntityBareJid room : rooms.joined()) {
                long heard = lastHeard.computeIfAbsent(room, r -> now);
                if (now - heard < checkEvery.toMillis()) {
                    continue;
                }
                if (rooms.lost(room)) {
                    LOG.info(() -> room + " no longer knows this user (its cluster node went down?): entering it again");
                    recover(room);
                } else {
                    heard(room); // it answered: checked again after another quiet spell
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "checking the rooms failed; checked again later", e);
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
