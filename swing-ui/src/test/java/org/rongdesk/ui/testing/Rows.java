package org.rongdesk.ui.testing;

import java.util.ArrayList;
import java.util.List;

import javax.accessibility.AccessibleContext;
import javax.swing.JList;

import org.assertj.swing.edt.GuiActionRunner;

/** What a screen reader reads for a list: its rows' accessible names, in order. */
public final class Rows {
    private Rows() {
    }

    /** The accessible name of every row of {@code list}, read on the EDT. */
    public static List<String> of(JList<?> list) {
        return GuiActionRunner.execute(() -> {
            AccessibleContext context = list.getAccessibleContext();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < context.getAccessibleChildrenCount(); i++) {
                names.add(context.getAccessibleChild(i).getAccessibleContext().getAccessibleName());
            }
            return names;
        });
    }
}
