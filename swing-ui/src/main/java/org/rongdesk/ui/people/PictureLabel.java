package org.rongdesk.ui.people;

import java.awt.Dimension;
import java.nio.file.Path;

import javax.swing.ImageIcon;
import javax.swing.JLabel;
import javax.swing.SwingConstants;

import org.rongdesk.ui.access.A11y;

/**
 * A person's picture in a dialog, at a size fixed from the start (so the dialog does not jump
 * when it arrives), read off the EDT and shown once read. It is described for screen readers
 * ("Picture of Bob"): here it stands alone, not beside words that name the person. Stops
 * listening to {@link Avatars} with {@link #stop} (the dialog closes).
 */
public final class PictureLabel extends JLabel {
    private static final int SIZE = 96;

    private final Avatars avatars;
    private final Runnable read = this::load;
    private Path file;

    public PictureLabel(Avatars avatars) {
        this.avatars = avatars;
        A11y.plain(this);
        setHorizontalAlignment(SwingConstants.CENTER);
        int size = Math.round(SIZE * getFont().getSize2D() / 13f);
        setPreferredSize(new Dimension(size, size));
        avatars.addListener(read);
    }

    /** Shows the picture in {@code picture} (none: {@code empty}'s words), described as {@code description}. */
    public void show(Path picture, String description, String empty) {
        file = picture;
        setText(picture == null ? empty : "");
        A11y.named(this, picture == null ? empty : description);
        load();
    }

    /** Stops waiting for pictures. */
    public void stop() {
        avatars.removeListener(read);
    }

    private void load() {
        ImageIcon icon = file == null ? null : avatars.of(file, getPreferredSize().width);
        setIcon(icon);
    }
}
