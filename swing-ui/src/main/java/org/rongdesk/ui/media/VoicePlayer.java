package org.rongdesk.ui.media;

import java.io.File;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineEvent;
import javax.swing.SwingUtilities;

import org.rongdesk.base.NamedThreads;
import org.rongdesk.ui.app.UiContext;

/**
 * Plays one voice message at a time (a new one stops the last); Enter on the message again
 * stops it. Opening the sound device can take a while, so it happens on a worker thread. A
 * machine without sound output is told so instead of failing silently.
 */
public final class VoicePlayer {
    private static final Logger LOG = Logger.getLogger(VoicePlayer.class.getName());

    private final UiContext ui;
    private final ExecutorService worker = NamedThreads.single("rongdesk-voice");
    private volatile Clip clip;
    private volatile long playing;

    public VoicePlayer(UiContext ui) {
        this.ui = ui;
    }

    /** Whether message {@code messageId} is playing now. */
    public boolean isPlaying(long messageId) {
        return playing == messageId && clip != null;
    }

    /** Plays the WAVE file {@code path} of message {@code messageId}, {@code seconds} long. */
    public void play(long messageId, String path, long seconds) {
        stop();
        playing = messageId;
        ui.announcer().announce(ui.texts().get("voice.playing", seconds));
        worker.execute(() -> {
            try (AudioInputStream in = AudioSystem.getAudioInputStream(new File(path))) {
                Clip opened = AudioSystem.getClip();
                opened.open(in);
                opened.addLineListener(event -> {
                    if (event.getType() == LineEvent.Type.STOP) {
                        opened.close();
                        if (clip == opened) {
                            clip = null;
                            playing = 0;
                            SwingUtilities.invokeLater(() -> ui.announcer().announce(ui.texts().get("voice.stopped")));
                        }
                    }
                });
                clip = opened;
                opened.start();
            } catch (Exception e) {
                LOG.log(Level.INFO, "cannot play " + path, e);
                playing = 0;
                SwingUtilities.invokeLater(() -> ui.client().reportError(ui.texts().get("voice.cannotPlay", e.getMessage())));
            }
        });
    }

    /** Stops what is playing. */
    public void stop() {
        Clip current = clip;
        if (current != null) {
            worker.execute(current::stop);
        }
    }

    /** Stops and lets go of the sound device. */
    public void close() {
        stop();
        worker.shutdown();
    }
}
