package org.rongdesk.ui.testing;

import java.awt.event.InputEvent;

/**
 * Modifier masks for AssertJ Swing's robot, which understands only the old {@code *_MASK}
 * constants: given {@code SHIFT_DOWN_MASK} it silently presses the plain key
 * (shared/notes/accessibility-testing.md).
 */
@SuppressWarnings("deprecation")
public final class Masks {
    public static final int CTRL = InputEvent.CTRL_MASK;
    public static final int SHIFT = InputEvent.SHIFT_MASK;
    public static final int ALT = InputEvent.ALT_MASK;

    private Masks() {
    }
}
