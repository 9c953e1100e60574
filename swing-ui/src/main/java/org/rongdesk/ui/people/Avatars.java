package org.rongdesk.ui.people;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.swing.ImageIcon;

import org.rongdesk.ui.media.Thumbnails;

/**
 * People's pictures, read from the files core keeps on a worker thread of their own (never on
 * the EDT) and kept small. Asking for one not read yet answers null; {@linkplain #addListener
 * listeners} hear once it is there. Call on the EDT.
 */
public final class Avatars implements AutoCloseable {
    private final Names names;
    private final List<Runnable> listeners = new ArrayList<>();
    private final Thumbnails pictures = new Thumbnails("rongdesk-avatars", () -> List.copyOf(listeners).forEach(Runnable::run));

    public Avatars(Names names) {
        this.names = names;
    }

    /** {@code userId}'s picture at most {@code size} px, or null when they have none or it is being read. */
    public ImageIcon of(String userId, int size) {
        return names.person(userId).picture().map(file -> of(file, size)).orElse(null);
    }

    /** The picture in {@code file} at most {@code size} px, or null while it is read or when it cannot be. */
    public ImageIcon of(Path file, int size) {
        return pictures.get(file.toString(), size);
    }

    /** {@code read} runs when a picture asked for has been read (paint again). */
    public void addListener(Runnable read) {
        listeners.add(read);
    }

    public void removeListener(Runnable read) {
        listeners.remove(read);
    }

    @Override
    public void close() {
        pictures.close();
    }
}
