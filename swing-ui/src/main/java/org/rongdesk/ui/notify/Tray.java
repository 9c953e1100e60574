package org.rongdesk.ui.notify;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.Frame;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rongdesk.ui.access.ShownText;

import org.rongdesk.ui.app.UiContext;

/**
 * The tray icon, where the desktop has a tray: its tooltip carries the unread total, clicking it
 * brings the window to the front, and it shows desktop notifications. Without a tray nothing is
 * shown (the window title still carries the total).
 */
final class Tray implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Tray.class.getName());

    private final UiContext ui;
    private TrayIcon icon;

    Tray(UiContext ui, Frame window) {
        this.ui = ui;
        if (!SystemTray.isSupported()) {
            return;
        }
        try {
            icon = new TrayIcon(picture(), "Rong Desk");
            icon.setImageAutoSize(true);
            icon.addActionListener(e -> {
                window.setState(Frame.NORMAL);
                window.toFront();
                window.requestFocus();
            });
            SystemTray.getSystemTray().add(icon);
        } catch (AWTException e) {
            LOG.log(Level.INFO, "no tray icon", e);
            icon = null;
        }
    }

    void showUnread(int unread) {
        if (icon != null) {
            icon.setToolTip(unread > 0 ? "Rong Desk — " + ui.texts().get("window.unread", unread) : "Rong Desk");
        }
    }

    void notify(String line) {
        if (icon != null) {
            icon.displayMessage("Rong Desk", ShownText.of(line), TrayIcon.MessageType.INFO);
        }
    }

    @Override
    public void close() {
        if (icon != null) {
            SystemTray.getSystemTray().remove(icon);
            icon = null;
        }
    }

    /** A speech bubble drawn here (no image file to ship). */
    private static BufferedImage picture() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x2360b0));
        g.fillRoundRect(2, 4, 28, 20, 10, 10);
        g.fillPolygon(new int[] {8, 16, 8}, new int[] {22, 22, 30}, 3);
        g.setColor(Color.WHITE);
        g.fillOval(8, 12, 4, 4);
        g.fillOval(14, 12, 4, 4);
        g.fillOval(20, 12, 4, 4);
        g.dispose();
        return image;
    }
}
