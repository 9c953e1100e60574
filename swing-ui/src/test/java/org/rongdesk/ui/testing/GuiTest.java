package org.rongdesk.ui.testing;

import java.awt.Window;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.rongdesk.ui.settings.UiSettings;
import org.rongdesk.ui.theme.Themes;

/**
 * A test that drives real windows (under Xvfb): Swing calls off the EDT fail the test, and each
 * test gets its own robot over a fresh AWT hierarchy.
 */
public abstract class GuiTest {
    protected Robot robot;

    @BeforeAll
    static void watchTheEdt() {
        FailOnThreadViolationRepaintManager.install();
        GuiActionRunner.execute(() -> Themes.apply(UiSettings.Theme.LIGHT, 100));
    }

    @AfterAll
    static void stopWatching() {
        FailOnThreadViolationRepaintManager.uninstall();
    }

    @BeforeEach
    void newRobot() {
        robot = BasicRobot.robotWithNewAwtHierarchy();
        robot.settings().delayBetweenEvents(20);
    }

    @AfterEach
    void closeWindows() {
        robot.cleanUp();
    }

    /** Waits (up to {@code seconds}) until {@code condition}, read on the EDT, holds. */
    protected static void await(String what, int seconds, BooleanSupplier condition) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(condition::getAsBoolean);
            }
        }, Timeout.timeout(Duration.ofSeconds(seconds).toMillis()));
    }

    /** Reads {@code value} on the EDT. */
    protected static <T> T onEdt(Supplier<T> value) {
        return GuiActionRunner.execute(value::get);
    }

    /** Runs {@code action} on the EDT. */
    protected static void doOnEdt(Runnable action) {
        GuiActionRunner.execute(action::run);
    }

    /** Closes {@code window} on the EDT. */
    protected static void dispose(Window window) {
        GuiActionRunner.execute(window::dispose);
    }
}
