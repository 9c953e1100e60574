package org.rongdesk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every java.util.logging record of this JVM while open, at level ALL for our loggers and those
 * of Smack, jxmpp, MiniDNS, PF4J (through slf4j-jdk14) and H2, and everything printed to
 * {@code System.out} and {@code System.err} (still printed too): for tests that check what a user
 * who switches all logging on would see.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private static final List<String> LOGGERS = List.of("", "org.rongdesk", "org.jivesoftware", "org.jxmpp", "org.minidns",
            "org.pf4j", "org.h2");
    private final Map<Logger, Level> previous = new HashMap<>();
    /** Strong references: the log manager keeps loggers only weakly, and a collected one loses its level. */
    private final List<Logger> loggers = new ArrayList<>();
    private final List<String> records = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    /** Starts capturing everything. */
    public static LogCapture everything() {
        LogCapture capture = new LogCapture();
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            capture.loggers.add(logger);
            capture.previous.put(logger, logger.getLevel());
            logger.setLevel(Level.ALL);
        }
        Logger.getLogger("").addHandler(capture);
        System.setOut(new PrintStream(new TeeOutputStream(capture.out, capture.printed), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new TeeOutputStream(capture.err, capture.printed), true, StandardCharsets.UTF_8));
        return capture;
    }

    /**
     * Each record as text: logger, level, the formatted message, every parameter and the thrown
     * exception's stack trace with its causes and suppressed exceptions.
     */
    public synchronized List<String> records() {
        return List.copyOf(records);
    }

    /** All records and everything printed, in one text. */
    public synchronized String text() {
        String console;
        synchronized (printed) {
            console = printed.toString(StandardCharsets.UTF_8);
        }
        return String.join("\n", records) + "\n" + console;
    }

    /** What was printed to {@code System.out} and {@code System.err}. */
    public String printed() {
        synchronized (printed) {
            return printed.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public synchronized void publish(LogRecord record) {
        StringBuilder text = new StringBuilder(record.getLoggerName() + " " + record.getLevel() + " ");
        text.append(record.getMessage()).append('\n').append(formatter.format(record));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append("\nparameter: ").append(parameter);
            }
        }
        records.add(text.toString());
    }

    @Override
    public void flush() {
    }

    /** Writes to the real stream and into the capture. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream real;
        private final ByteArrayOutputStream copy;

        TeeOutputStream(OutputStream real, ByteArrayOutputStream copy) {
            this.real = real;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            real.write(bytes, offset, length);
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            real.flush();
        }
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        previous.forEach(Logger::setLevel);
        System.setOut(out);
        System.setErr(err);
    }
}
