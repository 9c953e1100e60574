package org.rongdesk.ui.dialog;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;

/** A two-column grid of labels and fields, one row each, fields taking the spare width. */
public final class FormGrid {
    private final JPanel panel = new JPanel(new GridBagLayout());
    private int rows;

    public FormGrid() {
        panel.setBorder(BorderFactory.createEmptyBorder(12, 12, 6, 12));
    }

    public JPanel panel() {
        return panel;
    }

    /** A row: {@code label} on the left, {@code field} stretched on the right. */
    public void row(JLabel label, JComponent field) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = rows++;
        c.anchor = GridBagConstraints.NORTHWEST;
        c.insets = new Insets(4, 0, 4, 8);
        panel.add(label, c);
        c.gridx = 1;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.insets = new Insets(4, 0, 4, 0);
        panel.add(field, c);
    }

    /** A row across both columns. */
    public void wide(JComponent component, boolean stretch) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = rows++;
        c.gridwidth = 2;
        c.weightx = 1;
        c.fill = stretch ? GridBagConstraints.HORIZONTAL : GridBagConstraints.NONE;
        c.insets = new Insets(4, 0, 4, 0);
        panel.add(component, c);
    }
}
