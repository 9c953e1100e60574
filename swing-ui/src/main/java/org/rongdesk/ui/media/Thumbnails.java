package org.rongdesk.ui.media;

import java.awt.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.imageio.ImageIO;
import javax.swing.ImageIcon;
import javax.swing.SwingUtilities;

import org.rongdesk.base.NamedThreads;

/**
 * Small images for the history, read on a worker thread and kept (the last 200). Asking for
 * one not yet read answers null and calls {@code ready} on the EDT once it is there.
 */
public final class Thumbnails implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Thumbnails.class.getName());
    private static final int KEPT = 200;

    private final ExecutorService reader;
    private final Map<String, ImageIcon> icons = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImageIcon> eldest) {
            return size() > KEPT;
        }
    };
    private final Map<String, Boolean> pending = new LinkedHashMap<>();
    private final Runnable ready;

    /** {@code ready} runs on the EDT when an image was read (repaint the list). */
    public Thumbnails(Runnable ready) {
        this("rongdesk-thumbnails", ready);
    }

    /** As above, read on a thread of its own named {@code threadName}. */
    public Thumbnails(String threadName, Runnable ready) {
        this.reader = NamedThreads.single(threadName);
        this.ready = ready;
    }

    /** The image at {@code path} scaled to at most {@code size} px, or null while it is read (or unreadable). Call on the EDT. */
    public ImageIcon get(String path, int size) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        String key = size + ":" + path;
        ImageIcon icon = icons.get(key);
        if (icon == null && pending.putIfAbsent(key, Boolean.TRUE) == null) {
            reader.execute(() -> {
                ImageIcon read = read(Path.of(path), size);
                SwingUtilities.invokeLater(() -> {
                    pending.remove(key);
                    if (read != null) {
                        icons.put(key, read);
                        ready.run();
                    }
                });
            });
        }
        return icon;
    }

    private static ImageIcon read(Path file, int size) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            var image = ImageIO.read(file.toFile());
            if (image == null) {
                return null;
            }
            double scale = Math.min(1.0, (double) size / Math.max(image.getWidth(), image.getHeight()));
            int width = Math.max(1, (int) (image.getWidth() * scale));
            int height = Math.max(1, (int) (image.getHeight() * scale));
            Image scaled = image.getScaledInstance(width, height, Image.SCALE_SMOOTH);
            ImageIcon icon = new ImageIcon(scaled);
            // an ImageIcon's description defaults to nothing useful; the row's text describes it
            icon.setDescription("");
            return icon;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot read the image " + file, e);
            return null;
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
