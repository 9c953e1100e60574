package org.rongdesk.ui.theme;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import com.formdev.flatlaf.intellijthemes.FlatHighContrastIJTheme;

import java.util.Map;

import javax.swing.UIManager;

import org.rongdesk.ui.settings.UiSettings;

/**
 * Applies a theme and a text size. Call on the EDT; windows already open are updated.
 *
 * <p>FlatLaf Light's focus border (about 2:1) and FlatLaf Dark's list selection and focus border
 * fall short of WCAG (shared/notes/accessibility-testing.md); this package's properties files
 * replace those colours.
 */
public final class Themes {
    /** The default font size FlatLaf starts from, in points. */
    private static final int BASE_SIZE = 13;
    private static boolean registered;

    private Themes() {
    }

    public static void apply(UiSettings.Theme theme, int fontScale) {
        if (!registered) {
            FlatLaf.registerCustomDefaultsSource("org.rongdesk.ui.theme");
            registered = true;
        }
        int extra = Math.round(BASE_SIZE * (fontScale - 100) / 100f);
        FlatLaf.setGlobalExtraDefaults(Map.of("defaultFont", "+" + extra));
        switch (theme) {
            case DARK -> FlatDarkLaf.setup();
            case HIGH_CONTRAST -> FlatHighContrastIJTheme.setup();
            default -> FlatLightLaf.setup();
        }
        UIManager.put("Component.focusWidth", fontScale >= 200 ? 2 : 1);
        FlatLaf.updateUI();
    }
}
