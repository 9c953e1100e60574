package org.rongdesk.ui.access;

import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;

import javax.accessibility.AccessibleContext;
import javax.swing.JList;
import javax.swing.ListModel;

/**
 * A list whose rows are as wide as the view: long rows wrap or end in "…" instead of growing a
 * sideways scroll bar (which a keyboard user cannot see the end of); and that tells a screen
 * reader about its selection only while it has the focus.
 *
 * <p>Swing's list reports every selection change as a changed selection and a new active
 * descendant, focused or not. Orca takes an active descendant as the focus moving there: when a
 * message reordered the unfocused conversation list, it spoke a row of that list in the middle
 * of the user's typing, and took the list as focused afterwards (the open conversation's messages
 * then went unsaid, or came out as a stale row). An unfocused list changes quietly; when it gets
 * the focus, the screen reader reads its selection as it always does.
 */
public class RowList<T> extends JList<T> {
    public RowList(ListModel<T> model) {
        super(model);
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new QuietWhenUnfocused();
        }
        return accessibleContext;
    }

    /** The list's accessible context, which drops selection events while the list lacks the focus. */
    protected class QuietWhenUnfocused extends AccessibleJList {
        @Override
        public void firePropertyChange(String property, Object oldValue, Object newValue) {
            boolean selection = ACCESSIBLE_SELECTION_PROPERTY.equals(property)
                    || ACCESSIBLE_ACTIVE_DESCENDANT_PROPERTY.equals(property);
            if (selection && !isFocusOwner()) {
                return;
            }
            super.firePropertyChange(property, oldValue, newValue);
        }
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
