package org.rongdesk.ui.people;

import java.awt.Dimension;

import javax.swing.ImageIcon;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.SwingConstants;

/**
 * The picture beside a person's name in a list row, two lines of the list's font high, the same
 * size with or without a picture so that rows line up. Decorative: the row's words already name
 * the person, so a screen reader is given nothing to read here (the row reads as one list item).
 */
public final class AvatarSlot extends JLabel {
    private final Avatars avatars;

    public AvatarSlot(Avatars avatars) {
        this.avatars = avatars;
        setHorizontalAlignment(SwingConstants.CENTER);
        setVerticalAlignment(SwingConstants.CENTER);
        // set once, not in every paint: a name set while rendering floods the accessibility bus
        getAccessibleContext().setAccessibleName("");
    }

    /** Shows {@code userId}'s picture at the size of {@code list}'s rows; null: an empty slot (not a person). */
    public void show(JList<?> list, String userId) {
        int size = size(list);
        ImageIcon icon = userId == null ? null : avatars.of(userId, size);
        setIcon(icon);
        setPreferredSize(new Dimension(size, size));
    }

    /** Two lines of {@code list}'s font: it grows with the text size. */
    static int size(JList<?> list) {
        return list.getFontMetrics(list.getFont()).getHeight() * 2;
    }
}
