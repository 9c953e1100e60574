package org.rongdesk.bench;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.rongdesk.ui.app.ClientEvents;
import org.rongdesk.ui.app.MessageItem;

/**
 * Times, on the EDT, what becomes of each expected text message in a window: when the window
 * heard it arrive, when a conversation row saying it was painted, and when it was announced.
 * The waiting thread gets the three times (System.nanoTime) once the row was painted and the
 * message announced after it arrived.
 */
final class ReceiveProbe implements ClientEvents {
    /** Nanosecond times of one message. */
    record Times(long arrived, long painted, long announced) {
    }

    /** One expected message; its fields are written on the EDT only. */
    private static final class Watch {
        final CompletableFuture<Times> done = new CompletableFuture<>();
        long arrived;
        long painted;
        long announced;

        void finishIfSeen() {
            if (arrived != 0 && painted != 0 && announced != 0) {
                done.complete(new Times(arrived, painted, announced));
            }
        }
    }

    private final Map<String, Watch> expected = new ConcurrentHashMap<>();

    /** Watches for the message saying {@code text} (call before it is sent). */
    CompletableFuture<Times> expect(String text) {
        Watch watch = new Watch();
        expected.put(text, watch);
        return watch.done.whenComplete((times, error) -> expected.remove(text));
    }

    @Override
    public void received(MessageItem message, int left) {
        Watch watch = expected.get(message.text("text"));
        if (watch != null && watch.arrived == 0) {
            watch.arrived = System.nanoTime();
        }
    }

    /** A conversation row was painted, read as {@code spoken}. */
    void painted(String spoken) {
        seen(spoken, true);
    }

    /** {@code line} was announced. */
    void announced(String line) {
        seen(line, false);
    }

    private void seen(String words, boolean painting) {
        if (words == null) {
            return;
        }
        for (Map.Entry<String, Watch> each : expected.entrySet()) {
            Watch watch = each.getValue();
            // "ui-receive 1" is in "ui-receive 12": a row or line ends with the message's text
            if (watch.arrived != 0 && words.endsWith(each.getKey())) {
                if (painting && watch.painted == 0) {
                    watch.painted = System.nanoTime();
                } else if (!painting && watch.announced == 0) {
                    watch.announced = System.nanoTime();
                }
                watch.finishIfSeen();
            }
        }
    }
}
