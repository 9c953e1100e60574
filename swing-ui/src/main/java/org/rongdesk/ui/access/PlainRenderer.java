package org.rongdesk.ui.access;

import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.DefaultListCellRenderer;

/**
 * A list renderer of one line of text that never renders a row starting with {@code <html>} as
 * HTML (rows of untrusted text), and whose rows read as list items rather than labels.
 */
public final class PlainRenderer extends DefaultListCellRenderer {
    public PlainRenderer() {
        A11y.plain(this);
    }

    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJLabel() {
                @Override
                public AccessibleRole getAccessibleRole() {
                    return AccessibleRole.LIST_ITEM;
                }
            };
        }
        return accessibleContext;
    }
}
