package org.rongdesk.media;

import java.io.IOException;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.rongdesk.base.RongException;

/** Checks that a voice file is WAVE, as the spec requires, and measures it. */
public final class VoiceFiles {
    private VoiceFiles() {
    }

    /** The length of the WAVE file in seconds (rounded up), or -10002 naming {@code field} when it is not WAVE. */
    public static int seconds(String field, Path file) throws RongException {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(file.toFile());
            if (format.getType() != AudioFileFormat.Type.WAVE) {
                throw notWave(field, file);
            }
            long frames = format.getFrameLength();
            float rate = format.getFormat().getFrameRate();
            if (frames <= 0 || rate <= 0) {
                return 0;
            }
            return (int) Math.ceil(frames / rate);
        } catch (UnsupportedAudioFileException | IOException e) {
            throw notWave(field, file);
        }
    }

    private static RongException notWave(String field, Path file) {
        return RongException.invalid(field + ": " + file.getFileName() + " is not a WAVE file");
    }
}
