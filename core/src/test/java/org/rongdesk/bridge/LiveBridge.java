package org.rongdesk.bridge;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.rongdesk.api.RongCloud;

/**
 * A {@link Bridge} serving a client in this process, fed line by line: a test writes a request
 * and waits (bounded) for the answer lines, as a process on the other end of the pipes would.
 */
final class LiveBridge implements AutoCloseable {
    private final PipedWriter requests = new PipedWriter();
    private final LinkedBlockingQueue<JsonObject> answers = new LinkedBlockingQueue<>();
    private final Thread serving;
    private volatile Throwable failure;

    LiveBridge(RongCloud client) throws IOException {
        BufferedReader in = new BufferedReader(new PipedReader(requests, 1 << 16));
        Bridge bridge = new Bridge(client, new PrintStream(new LineSplitter(), true, StandardCharsets.UTF_8));
        serving = new Thread(() -> {
            try {
                bridge.serve(in);
            } catch (Throwable e) {
                failure = e;
            }
        }, "fuzz-bridge");
        serving.start();
    }

    /** Writes one line (a newline is added). */
    void send(String line) throws IOException {
        requests.write(line);
        requests.write('\n');
        requests.flush();
    }

    /** The next answer line, or null when none comes within {@code wait}. */
    JsonObject next(Duration wait) throws InterruptedException {
        return answers.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why the bridge stopped serving, if it did. */
    Throwable failure() {
        return failure;
    }

    boolean isServing() {
        return serving.isAlive();
    }

    /** Ends the input; the bridge drains, disconnects the client and returns. */
    @Override
    public void close() throws Exception {
        requests.close();
        serving.join(Duration.ofSeconds(90).toMillis());
    }

    /** Turns the bridge's output into one parsed answer per line. */
    private final class LineSplitter extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b != '\n') {
                line.write(b);
                return;
            }
            JsonElement parsed = JsonParser.parseString(line.toString(StandardCharsets.UTF_8));
            line.reset();
            answers.add(parsed.getAsJsonObject());
        }
    }
}
