package org.rongdesk.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.rongdesk.store.LocalStore;

/**
 * The child JVM of {@link KillTest}: stores messages one per call until killed, and after each
 * call returns prints {@code "<seq> ok"} on stdout, its acknowledgement. Received messages go
 * through {@link LocalStore#addIncoming} with sync position {@value #POSITION} = their sequence
 * number; sent ones through {@link LocalStore#addOutgoing}.
 */
public final class KillChild {
    static final String APP_KEY = "bench.local";
    static final String USER = "kill-test";
    static final String POSITION = "mam:x";

    private KillChild() {
    }

    /** The uid of message {@code seq} in this mode. */
    static String uid(KillTest.Mode mode, long seq) {
        return mode.name().toLowerCase() + "-" + seq;
    }

    /** Arguments: INCOMING|OUTGOING, the data directory. */
    public static void main(String[] args) {
        KillTest.Mode mode = KillTest.Mode.valueOf(args[0]);
        SyntheticMessages workload = new SyntheticMessages(100, System.nanoTime());
        LocalStore store = LocalStore.open(Path.of(args[1]), APP_KEY, USER);
        for (long seq = 1; ; seq++) {
            int conversation = workload.nextConversation();
            long now = System.currentTimeMillis();
            if (mode == KillTest.Mode.INCOMING) {
                store.addIncoming(List.of(workload.received(conversation, uid(mode, seq), now)),
                        Map.of(POSITION, Long.toString(seq)));
            } else {
                store.addOutgoing(workload.outgoing(conversation, uid(mode, seq), now));
            }
            System.out.println(seq + " ok");
        }
    }
}
