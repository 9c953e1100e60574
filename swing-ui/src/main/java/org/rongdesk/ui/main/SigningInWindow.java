package org.rongdesk.ui.main;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import javax.swing.JRootPane;

import org.rongdesk.ui.access.QuietRootPane;
import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.app.Keys;
import org.rongdesk.ui.i18n.Texts;

/**
 * Shown while signing in: says so (a screen reader reads it as the window opens) and offers
 * Cancel (or Esc). It also keeps the program alive: with no window open, AWT lets the JVM end.
 */
final class SigningInWindow extends JFrame {
    /** Layers a screen reader passes over ({@link QuietRootPane}). */
    @Override
    protected JRootPane createRootPane() {
        return QuietRootPane.create();
    }

    SigningInWindow(Texts texts, Runnable cancel) {
        super(texts.get("signin.progressTitle"));
        JLabel words = A11y.plainLabel(texts.get("signin.progress"));
        JButton stop = texts.button(new JButton(), "dialog.cancel");
        stop.addActionListener(e -> cancel.run());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING));
        buttons.add(stop);
        JPanel panel = new JPanel(new BorderLayout(0, 12));
        panel.setBorder(BorderFactory.createEmptyBorder(16, 16, 12, 16));
        panel.add(words, BorderLayout.CENTER);
        panel.add(buttons, BorderLayout.SOUTH);
        setContentPane(panel);
        Keys.bind(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, "signin.cancel", cancel);
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                cancel.run();
            }
        });
        pack();
        setLocationRelativeTo(null);
        SwingUtilities.invokeLater(stop::requestFocusInWindow);
    }
}
