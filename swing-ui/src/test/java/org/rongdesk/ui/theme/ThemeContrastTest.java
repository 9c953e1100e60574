package org.rongdesk.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import javax.swing.UIManager;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rongdesk.ui.settings.UiSettings;

/**
 * WCAG contrast in every theme, from the colours the look and feel really uses: text at least
 * 4.5:1 on its background (lists selected with and without focus, menus, fields, buttons), the
 * focus ring at least 3:1 against what it is drawn on.
 */
class ThemeContrastTest {
    private static final String[][] TEXT = {
        {"Label.foreground", "Panel.background"},
        {"List.foreground", "List.background"},
        {"List.selectionForeground", "List.selectionBackground"},
        {"List.selectionInactiveForeground", "List.selectionInactiveBackground"},
        {"TextArea.foreground", "TextArea.background"},
        {"TextField.foreground", "TextField.background"},
        {"TextArea.selectionForeground", "TextArea.selectionBackground"},
        {"Button.foreground", "Button.background"},
        {"Button.default.foreground", "Button.default.background"},
        {"CheckBox.foreground", "Panel.background"},
        {"ComboBox.foreground", "ComboBox.background"},
        {"MenuBar.foreground", "MenuBar.background"},
        {"MenuItem.foreground", "PopupMenu.background"},
        {"MenuItem.selectionForeground", "MenuItem.selectionBackground"},
        {"Menu.selectionForeground", "Menu.selectionBackground"},
        {"ToolTip.foreground", "ToolTip.background"},
    };
    private static final String[][] FOCUS = {
        {"Component.focusColor", "Panel.background"},
        {"Component.focusColor", "List.background"},
        {"Component.focusColor", "Button.background"},
        {"Component.focusedBorderColor", "TextField.background"},
        {"Component.focusedBorderColor", "Panel.background"},
    };

    @AfterAll
    static void backToLight() {
        GuiActionRunner.execute(() -> Themes.apply(UiSettings.Theme.LIGHT, 100));
    }

    @ParameterizedTest
    @EnumSource(UiSettings.Theme.class)
    void textAndFocusRingAreReadable(UiSettings.Theme theme) {
        List<String> problems = GuiActionRunner.execute(() -> {
            Themes.apply(theme, 100);
            List<String> found = new ArrayList<>();
            check(TEXT, 4.5, found);
            check(FOCUS, 3.0, found);
            return found;
        });
        assertThat(problems).as(theme.name()).isEmpty();
    }

    private static void check(String[][] pairs, double least, List<String> problems) {
        for (String[] pair : pairs) {
            Color front = UIManager.getColor(pair[0]);
            Color back = UIManager.getColor(pair[1]);
            assertThat(front).as(pair[0]).isNotNull();
            assertThat(back).as(pair[1]).isNotNull();
            double ratio = ratio(front, back);
            if (ratio < least) {
                problems.add(String.format("%s on %s is %.2f:1 (needs %.1f)", pair[0], pair[1], ratio, least));
            }
        }
    }

    /** WCAG 2 contrast ratio. */
    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color color) {
        return 0.2126 * channel(color.getRed()) + 0.7152 * channel(color.getGreen()) + 0.0722 * channel(color.getBlue());
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
