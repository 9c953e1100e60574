package org.rongdesk.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.accessibility.AccessibleContext;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/**
 * What the ATK wrapper passes on for a combo box: its name, unless the box has exactly one
 * accessible child (then the selected item's name instead). Orca read these boxes by their value
 * alone ("Light combo box") before; measured with Orca after: "Theme: Light combo box".
 */
class NamedComboBoxTest {
    @Test
    void aClosedBoxIsNamedByItsLabelAndValueAndHasNoChildToBeNamedAfter() {
        List<Object> seen = GuiActionRunner.execute(() -> {
            NamedComboBox<String> theme = new NamedComboBox<>(value -> value.equals("L") ? "Light" : "Dark", "L", "D");
            AccessibleContext context = A11y.named(theme, "Theme:").getAccessibleContext();
            String light = context.getAccessibleName();
            int children = context.getAccessibleChildrenCount();
            theme.setSelectedItem("D");
            return List.of(light, children, context.getAccessibleName(),
                    context.getAccessibleSelection().getAccessibleSelectionCount() == 1 ? "selection kept" : "no selection");
        });
        assertThat(seen).containsExactly("Theme: Light", 0, "Theme: Dark", "selection kept");
    }
}
