package org.rongdesk.ui.media;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import javax.imageio.ImageIO;
import javax.swing.ImageIcon;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;

import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.InfoDialog;

/**
 * The full image, fitted to the screen, with its description as a field to read and as the
 * picture's accessible name. The file is read off the EDT.
 */
public final class ImageViewer extends InfoDialog {
    private final JLabel picture = A11y.plain(new JLabel());

    public ImageViewer(Window owner, UiContext ui, String path, String description) {
        super(owner, ui, ui.texts().get("image.title"));
        line("image.description", description);
        picture.setHorizontalAlignment(SwingConstants.CENTER);
        picture.setText(ui.texts().get("image.loading"));
        picture.setFocusable(true);
        A11y.named(picture, ui.texts().get("image.named", description));
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        int width = screen.width * 3 / 4;
        int height = screen.height * 3 / 4;
        JScrollPane scroll = new JScrollPane(picture);
        scroll.setPreferredSize(new Dimension(Math.min(width, 640), Math.min(height, 480)));
        wide(scroll);
        CompletableFuture.supplyAsync(() -> read(Path.of(path), width, height)).whenComplete((image, failure) ->
                SwingUtilities.invokeLater(() -> {
                    if (image == null) {
                        picture.setText(ui.texts().get("image.unreadable"));
                        return;
                    }
                    picture.setText("");
                    ImageIcon icon = new ImageIcon(image);
                    icon.setDescription(description);
                    picture.setIcon(icon);
                    scroll.setPreferredSize(new Dimension(Math.min(width, icon.getIconWidth() + 24),
                            Math.min(height, icon.getIconHeight() + 24)));
                    pack();
                    setLocationRelativeTo(getOwner());
                }));
    }

    private static Image read(Path file, int width, int height) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                return null;
            }
            double scale = Math.min(1.0, Math.min((double) width / image.getWidth(), (double) height / image.getHeight()));
            return scale >= 1.0 ? image : image.getScaledInstance((int) (image.getWidth() * scale),
                    (int) (image.getHeight() * scale), Image.SCALE_SMOOTH);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
