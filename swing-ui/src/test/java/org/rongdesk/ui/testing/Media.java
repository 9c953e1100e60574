package org.rongdesk.ui.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Real media files for tests: a PNG picture and a WAVE tone. */
public final class Media {
    private Media() {
    }

    /** A 320×200 PNG, red with a blue square. */
    public static Path png(Path file) throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.BLUE);
        g.fillRect(100, 50, 100, 100);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A mono 8 kHz WAVE file of {@code seconds} seconds of a 440 Hz tone. */
    public static Path wave(Path file, int seconds) throws IOException {
        AudioFormat format = new AudioFormat(8000f, 16, 1, true, false);
        byte[] pcm = new byte[8000 * 2 * seconds];
        for (int i = 0; i < pcm.length / 2; i++) {
            short sample = (short) (Math.sin(2 * Math.PI * 440 * i / 8000.0) * 3000);
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        Files.createDirectories(file.getParent());
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, pcm.length / 2)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }
}
