package org.rongdesk.ui.media;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/**
 * Records from the microphone into a WAVE file (16 kHz, 16 bit, mono: speech, about 32 KB a
 * second). {@link #start} opens the line on the caller's thread, so call it off the EDT.
 */
public final class VoiceRecorder {
    private static final AudioFormat FORMAT = new AudioFormat(16_000f, 16, 1, true, false);
    /** One hour, the longest voice message. */
    private static final int MAX_BYTES = 16_000 * 2 * 3600;

    private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();
    private TargetDataLine line;
    private CompletableFuture<Void> reading;

    /** Whether this machine has a microphone the JDK can record from. */
    public static boolean available() {
        return AudioSystem.isLineSupported(new DataLine.Info(TargetDataLine.class, FORMAT));
    }

    /** Starts recording. */
    public void start() throws LineUnavailableException {
        line = AudioSystem.getTargetDataLine(FORMAT);
        line.open(FORMAT);
        line.start();
        TargetDataLine open = line;
        reading = CompletableFuture.runAsync(() -> {
            byte[] buffer = new byte[4096];
            int read;
            while ((read = open.read(buffer, 0, buffer.length)) > 0 && recorded.size() < MAX_BYTES) {
                recorded.write(buffer, 0, read);
            }
        });
    }

    /** Stops and writes what was recorded to {@code file}; its length in seconds. */
    public long stop(Path file) throws IOException {
        line.stop();
        line.close();
        reading.join();
        byte[] pcm = recorded.toByteArray();
        long frames = pcm.length / FORMAT.getFrameSize();
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), FORMAT, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return Math.round(frames / FORMAT.getFrameRate());
    }

    /** Stops without keeping anything. */
    public void cancel() {
        if (line != null) {
            line.stop();
            line.close();
        }
    }
}
