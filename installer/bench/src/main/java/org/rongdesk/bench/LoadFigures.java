package org.rongdesk.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts of one kind of load traffic. A delivery is one message to one client that should
 * get it (a room message: every member but its sender; a private one: its addressee).
 *
 * @param sent                 sends answered success
 * @param failed               sends answered with an error
 * @param unanswered           sends never answered
 * @param expected             deliveries of the sent messages
 * @param received             of those, received at least once by the receive listener
 * @param duplicated           extra copies the receive listeners got (of any message)
 * @param receivedOfFailed     deliveries of failed messages that arrived anyway
 * @param stray                copies that reached a client they were not for, or named the wrong sender or conversation
 * @param stored               expected deliveries found in the receiver's store
 * @param storedDuplicated     extra copies in receivers' stores
 * @param ownMismatched        messages not in their sender's store exactly once with the status the send answered
 * @param latencies            send call to first receipt, per delivery
 */
record LoadFigures(int sent, int failed, int unanswered, long expected, long received, long duplicated,
        long receivedOfFailed, int stray, long stored, long storedDuplicated, int ownMismatched, Samples latencies) {

    /** Expected deliveries that never arrived. */
    long lost() {
        return expected - received;
    }

    /** Expected deliveries missing from the receivers' stores. */
    long storedMissing() {
        return expected - stored;
    }

    /** The counts of messages by name, in report order. */
    Map<String, Long> messageCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("sent", (long) sent);
        counts.put("failed", (long) failed);
        counts.put("unanswered", (long) unanswered);
        counts.put("sender_store_mismatched", (long) ownMismatched);
        return counts;
    }

    /** The counts of deliveries by name, in report order. */
    Map<String, Long> deliveryCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("expected", expected);
        counts.put("received", received);
        counts.put("lost", lost());
        counts.put("duplicated", duplicated);
        counts.put("received_of_failed", receivedOfFailed);
        counts.put("stray", (long) stray);
        counts.put("stored", stored);
        counts.put("stored_missing", storedMissing());
        counts.put("stored_duplicated", storedDuplicated);
        return counts;
    }

    /** Whether this kind went through cleanly: every send succeeded, arrived once and was stored once. */
    boolean clean() {
        return failed == 0 && unanswered == 0 && lost() == 0 && duplicated == 0 && stray == 0 && storedMissing() == 0
                && storedDuplicated == 0 && ownMismatched == 0;
    }

    /** Adds up the figures message by message. */
    static final class Builder {
        private int sent;
        private int failed;
        private int unanswered;
        private long expected;
        private long received;
        private long duplicated;
        private long receivedOfFailed;
        private long stored;
        private long storedDuplicated;
        private int ownMismatched;

        void message(boolean wasSent, boolean hasFailed) {
            if (wasSent) {
                sent++;
            } else if (hasFailed) {
                failed++;
            } else {
                unanswered++;
            }
        }

        void own(boolean matches) {
            if (!matches) {
                ownMismatched++;
            }
        }

        /** One addressee of one message: how many copies it received and holds. */
        void delivery(boolean wasSent, int copiesReceived, int copiesStored) {
            duplicated += Math.max(0, copiesReceived - 1);
            storedDuplicated += Math.max(0, copiesStored - 1);
            if (!wasSent) {
                receivedOfFailed += copiesReceived > 0 ? 1 : 0;
                return;
            }
            expected++;
            received += copiesReceived > 0 ? 1 : 0;
            stored += copiesStored > 0 ? 1 : 0;
        }

        LoadFigures build(int stray, Samples latencies) {
            return new LoadFigures(sent, failed, unanswered, expected, received, duplicated, receivedOfFailed, stray,
                    stored, storedDuplicated, ownMismatched, latencies);
        }
    }
}
