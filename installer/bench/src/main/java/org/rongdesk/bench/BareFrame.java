package org.rongdesk.bench;

import com.formdev.flatlaf.FlatLightLaf;

import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * The startup benchmark's reference: a bare FlatLaf JFrame with one label on the same JVM and
 * options, printing {@code bare: interactive} once painted, as the client prints its own line.
 * With the argument {@code exit} it quits then (the run that makes its class cache).
 */
public final class BareFrame {
    private BareFrame() {
    }

    public static void main(String[] args) {
        SwingUtilities.invokeLater(() -> {
            FlatLightLaf.setup();
            JFrame frame = new JFrame("Bare frame");
            frame.add(new JLabel("A bare frame"));
            frame.setDefaultCloseOperation(WindowConstants.EXIT_ON_CLOSE);
            frame.setSize(1000, 700);
            frame.setVisible(true);
            SwingUtilities.invokeLater(() -> {
                frame.getRootPane().paintImmediately(frame.getRootPane().getBounds());
                System.out.println("bare: interactive");
                System.out.flush();
                if (args.length > 0 && args[0].equals("exit")) {
                    frame.dispose();
                    System.exit(0);
                }
            });
        });
    }
}
