package org.rongdesk.ui.access;

import javax.swing.DefaultListCellRenderer;

/** A list renderer that never renders a row starting with {@code <html>} as HTML (rows of untrusted text). */
public final class PlainRenderer extends DefaultListCellRenderer {
    public PlainRenderer() {
        putClientProperty("html.disable", Boolean.TRUE);
    }
}
