package org.rongdesk.ui.testing;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.swing.edt.GuiActionRunner;
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

    /** {@code user}'s main window (not shown yet), with files staged under {@code dir/fs}. */
    public static MainWindow main(SignedIn user, Path dir, WindowCommands commands) {
        Staging staging = new Staging(user.rong.fileBase().orElse(dir.resolve("fs")));
        return GuiActionRunner.execute(() -> new MainWindow(user.ui, staging, commands));
    }
}
