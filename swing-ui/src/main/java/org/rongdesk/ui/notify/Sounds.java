package org.rongdesk.ui.notify;

import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

import org.rongdesk.base.NamedThreads;

/**
 * A short two-note chime for a new message, made here (no sound file to ship) and played off the
 * EDT. A machine without sound output stays silent (logged once).
 */
final class Sounds implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Sounds.class.getName());
    private static final float RATE = 22_050f;

    private final ExecutorService player = NamedThreads.single("rongdesk-sounds");
    private volatile boolean broken;

    void chime() {
        if (broken) {
            return;
        }
        player.execute(() -> {
            AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
            try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
                line.open(format);
                line.start();
                byte[] tone = tones(660, 880);
                line.write(tone, 0, tone.length);
                line.drain();
            } catch (Exception e) {
                broken = true;
                LOG.info("no sound output; message sounds are off: " + e.getMessage());
            }
        });
    }

    /** Two 90 ms notes, faded in and out, at a gentle volume. */
    private static byte[] tones(double first, double second) {
        int each = (int) (RATE * 0.09);
        byte[] pcm = new byte[each * 2 * 2];
        for (int i = 0; i < each * 2; i++) {
            double frequency = i < each ? first : second;
            int inNote = i % each;
            double envelope = Math.min(1.0, Math.min(inNote, each - inNote) / (RATE * 0.01));
            short sample = (short) (Math.sin(2 * Math.PI * frequency * i / RATE) * envelope * 6000);
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        return pcm;
    }

    @Override
    public void close() {
        player.shutdownNow();
    }
}
