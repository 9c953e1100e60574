package org.rongdesk.ui.access;

import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;

import javax.swing.JList;
import javax.swing.ListModel;

/**
 * A list whose rows are as wide as the view: long rows wrap or end in "…" instead of growing a
 * sideways scroll bar (which a keyboard user cannot see the end of).
 */
public class RowList<T> extends JList<T> {
    public RowList(ListModel<T> model) {
        super(model);
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    /** A double click runs {@code choose} (what Enter does on the selected row). */
    public void onDoubleClick(Runnable choose) {
        addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    choose.run();
                }
            }
        });
    }
}
