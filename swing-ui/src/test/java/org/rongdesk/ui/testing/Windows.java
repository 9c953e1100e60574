package org.rongdesk.ui.testing;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.swing.JDialog;

import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.rongdesk.ui.main.MainWindow;
import org.rongdesk.ui.main.WindowCommands;
import org.rongdesk.ui.media.Staging;

/** Builds the client's windows for tests, on the EDT. */
public final class Windows {
    private Windows() {
    }

    /** What the main window asked of the program around it. */
    public static final class Commands implements WindowCommands {
        public final AtomicInteger settings = new AtomicInteger();
        public final AtomicInteger viewChanges = new AtomicInteger();
        public final AtomicInteger quits = new AtomicInteger();

        @Override
        public void settings() {
            settings.incrementAndGet();
        }

        @Override
        public void viewChanged() {
            viewChanges.incrementAndGet();
        }

        @Override
        public void quit() {
            quits.incrementAndGet();
        }
    }

    /** Shows {@code window} as the program does: the conversation list focused, the first conversation open. */
    public static FrameFixture show(Robot robot, MainWindow window) {
        FrameFixture frame = new FrameFixture(robot, window);
        frame.show();
        CountDownLatch started = new CountDownLatch(1);
        GuiActionRunner.execute(() -> window.focusStart(started::countDown));
        try {
            if (!started.await(15, TimeUnit.SECONDS)) {
                throw new AssertionError("the window did not read its conversation list within 15 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        robot.waitForIdle();
        return frame;
    }

    /** {@code user}'s main window (not shown yet), with files staged under {@code dir/fs}. */
    public static MainWindow main(SignedIn user, Path dir, WindowCommands commands) {
        Staging staging = new Staging(user.rong.fileBase().orElse(dir.resolve("fs")));
        return GuiActionRunner.execute(() -> new MainWindow(user.ui, staging, commands));
    }

    /** The showing dialog titled {@code title}, waited for up to 10 s (another may be open under it). */
    public static DialogFixture dialogTitled(Robot robot, String title) {
        return WindowFinder.findDialog(new GenericTypeMatcher<JDialog>(JDialog.class) {
            @Override
            protected boolean isMatching(JDialog dialog) {
                return title.equals(dialog.getTitle()) && dialog.isShowing();
            }
        }).withTimeout(10_000).using(robot);
    }
}
