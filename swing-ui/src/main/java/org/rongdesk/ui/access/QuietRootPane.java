package org.rongdesk.ui.access;

import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JLayeredPane;
import javax.swing.JRootPane;

/**
 * A root pane whose layered pane a screen reader passes over. Swing's root pane holds a window's
 * content in a {@link JLayeredPane}, which reports itself as a "layered pane": Orca spoke
 * "layered pane" whenever the focus entered a window or moved between its panels. This one's
 * layered pane reports itself as a plain panel, which Orca treats as layout. Every window of the
 * client makes its root pane with {@link #create()} ({@code createRootPane()}); swapping the
 * layers of a window already built moved the focus and broke dialogs.
 */
public final class QuietRootPane extends JRootPane {
    private QuietRootPane() {
    }

    /** What {@code JFrame.createRootPane()} and {@code JDialog.createRootPane()} make, quiet. */
    public static JRootPane create() {
        JRootPane root = new QuietRootPane();
        root.setOpaque(true);
        return root;
    }

    @Override
    protected JLayeredPane createLayeredPane() {
        JLayeredPane layers = new JLayeredPane() {
            @Override
            public AccessibleContext getAccessibleContext() {
                if (accessibleContext == null) {
                    accessibleContext = new AccessibleJLayeredPane() {
                        @Override
                        public AccessibleRole getAccessibleRole() {
                            return AccessibleRole.PANEL;
                        }
                    };
                }
                return accessibleContext;
            }
        };
        layers.setName(getName() + ".layeredPane");
        return layers;
    }
}
