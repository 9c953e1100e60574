package org.rongdesk.ui.main;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

import org.rongdesk.api.RongCloud;
import org.rongdesk.ui.access.Announcer;
import org.rongdesk.ui.access.AtkHook;
import org.rongdesk.ui.app.Client;
import org.rongdesk.ui.app.Edt;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.i18n.Texts;
import org.rongdesk.ui.kiosk.KioskWindow;
import org.rongdesk.ui.media.Staging;
import org.rongdesk.ui.settings.UiSettings;
import org.rongdesk.ui.theme.Themes;

/**
 * Starts the desktop client: reads the command line ({@link LaunchOptions}), applies the theme,
 * signs in (with the token file given, else by asking), then opens the main window or, with
 * {@code --kiosk}, the kiosk. A server that cannot be reached does not stop the window opening:
 * history is local, and the client keeps trying in the background.
 */
public final class UiMain implements WindowCommands {
    private static final Logger LOG = Logger.getLogger(UiMain.class.getName());
    /** connect errors after which the client keeps trying by itself: the window opens anyway. */
    private static final Set<Integer> STILL_TRYING = Set.of(2003, 5004, 3001);
    /** A sign-in quicker than this shows no "signing in" window. */
    private static final int SIGNING_IN_DELAY_MS = 400;

    private final LaunchOptions options;
    private final UiSettings settings;
    private Texts texts;
    private Announcer announcer;
    private RongCloud rong;
    private Client client;
    private Staging staging;
    private MainWindow window;
    private KioskWindow kiosk;
    private SigningInWindow signingIn;
    private boolean sessionOpen;
    private Timer signingInLater;
    /** Holds the JVM up until a window opens (AWT ends a program without windows). */
    private final CountDownLatch windowUp = new CountDownLatch(1);

    private UiMain(LaunchOptions options, UiSettings settings) {
        this.options = options;
        this.settings = settings;
    }

    public static void main(String[] args) {
        StartupPhases.mark("main");
        AtkHook.enableIfInstalled();
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("rongdesk: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("rongdesk: the desktop client needs a display (DISPLAY is not set)");
            System.exit(2);
        }
        prepareCrashDirectory();
        UiSettings settings = UiSettings.load(options.data());
        String token = options.tokenFile().map(UiMain::readToken).orElse(null);
        SwingUtilities.invokeLater(() -> new UiMain(options, settings).start(token));
    }

    /**
     * Makes the directory the launchers name for the JVM's crash reports ({@code -XX:ErrorFile}):
     * HotSpot writes into the working directory when that directory is missing.
     */
    private static void prepareCrashDirectory() {
        try {
            // $HOME, as the launchers expand it (user.home comes from the password file instead)
            String home = Objects.requireNonNullElse(System.getenv("HOME"), System.getProperty("user.home"));
            Files.createDirectories(Path.of(home, ".cache", "rongdesk"));
        } catch (IOException | RuntimeException e) {
            System.err.println("rongdesk: no directory for crash reports: " + e.getMessage());
        }
    }

    private static String readToken(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            // the path only: the file holds a secret
            System.err.println("rongdesk: cannot read the token file " + file + ": " + e.getMessage());
            return null;
        }
    }

    private void start(String token) {
        Thread keeper = new Thread(() -> {
            try {
                windowUp.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rongdesk-until-window");
        keeper.setDaemon(false);
        keeper.start();
        boolean given = options.config().isPresent() && token != null && !token.isEmpty();
        if (given) {
            // the store opens on the client's threads while the theme and the window are made here
            beginSignIn(options.config().get(), token);
        }
        Themes.apply(settings.theme(), kioskScale());
        StartupPhases.mark("theme");
        texts = new Texts(settings.locale());
        announcer = new Announcer();
        if (given) {
            prepareWindow();
        } else {
            askSignIn(options.config(), null);
        }
    }

    private int kioskScale() {
        return options.kioskRoom().isPresent() ? Math.max(200, settings.fontScale()) : settings.fontScale();
    }

    private void askSignIn(Optional<Path> config, String problem) {
        closeSigningIn();
        windowUp.countDown();
        UiContext bare = new UiContext(null, texts, announcer, settings);
        new SignInDialog(bare, config, problem).ask().ifPresentOrElse(entry -> signIn(entry.config(), entry.token()),
                () -> exit(0));
    }

    private void signIn(Path config, String token) {
        beginSignIn(config, token);
        prepareWindow();
    }

    /** Starts signing in; the window shows once the user's store is open ({@link #showWhenReady}). */
    private void beginSignIn(Path config, String token) {
        closeClient();
        sessionOpen = false;
        // a quick sign-in shows no window of its own; a slow one says it is signing in
        signingInLater = new Timer(SIGNING_IN_DELAY_MS, e -> {
            if (signingIn == null && (window == null || !window.isShowing()) && kiosk == null) {
                signingIn = new SigningInWindow(texts, () -> exit(0));
                signingIn.setVisible(true);
            }
        });
        signingInLater.setRepeats(false);
        signingInLater.start();
        RongCloud signing = new RongCloud(config, options.data());
        rong = signing;
        rong.loadPluginsLater();
        Client signingClient = new Client(signing);
        client = signingClient;
        // init, connect and the first store read follow each other on the client's threads, not
        // through the EDT, which is busy making the theme and the window meanwhile
        signing.init((ret, err) -> {
            if (err != null) {
                SwingUtilities.invokeLater(() -> {
                    if (signing == rong) {
                        refused(config, texts.get("signin.badConfig", Edt.describe(err)));
                    }
                });
                return;
            }
            signingClient.listen();
            signing.connect(Json.of("token", token), Edt.callback((done, failure) -> {
                boolean stillTrying = failure == null || STILL_TRYING.contains(failure.get("code").getAsInt());
                if (!stillTrying && signing == rong) {
                    refused(config, texts.get("signin.refused", Edt.describe(failure)));
                }
            }));
            // the window opens as soon as the user's store is open (the call below runs after connect
            // opened it), not when the server answers: history and drafts are local
            signing.getTotalUnreadCount(Edt.callback((unread, noSession) -> {
                if (noSession == null && signing == rong) {
                    sessionOpen = true;
                    StartupPhases.mark("store open");
                    showWhenReady();
                }
            }));
        });
    }

    /** The signed-in client's view for windows and dialogs. */
    private UiContext context() {
        return new UiContext(client, texts, announcer, settings);
    }

    /** Staging into the current client's file base (read when a file is staged). */
    private Staging newStaging() {
        return new Staging(() -> rong.fileBase().orElse(options.data().resolve("fs")));
    }

    /** Builds the main window (hidden) while the store opens; the kiosk is built once it is open. */
    private void prepareWindow() {
        if (options.kioskRoom().isEmpty() && window == null) {
            staging = newStaging();
            window = new MainWindow(context(), staging, this);
            StartupPhases.mark("window built");
        }
        showWhenReady();
    }

    /** Sign-in failed for good (a bad or expired token, an unknown App Key): ask again. */
    private void refused(Path config, String problem) {
        if (window != null) {
            window.shutdown();
            window.dispose();
            window = null;
        }
        if (kiosk != null) {
            kiosk.dispose();
            kiosk = null;
        }
        askSignIn(Optional.of(config), problem);
    }

    /** Shows the window once both it is built and the store is open. */
    private void showWhenReady() {
        if (!sessionOpen || (window == null && options.kioskRoom().isEmpty()) || (window != null && window.isShowing())
                || kiosk != null) {
            return;
        }
        closeSigningIn();
        if (options.kioskRoom().isPresent()) {
            kiosk = new KioskWindow(context(), options.kioskRoom().get());
            kiosk.start();
            windowUp.countDown();
            interactive(kiosk.getRootPane());
            return;
        }
        window.setVisible(true);
        StartupPhases.mark("shown");
        windowUp.countDown();
        window.focusStart(() -> interactive(window.getRootPane()));
    }

    /**
     * The window is up with its conversation list read: now the plugins load. With
     * {@code -Drongdesk.startup=report} (or {@code exit}, {@code trace} with {@link StartupPhases},
     * {@code trace+exit}; or {@code RONGDESK_STARTUP} in the environment) it paints at once and prints
     * {@code rongdesk: interactive <ms since the JVM started>} (the startup benchmark and the
     * CDS training run read it); {@code exit} then quits. With {@code -Drongdesk.bench.scroll=N}
     * the history then scrolls back N messages and {@code rongdesk: scrolled <n>} is printed
     * (the memory benchmark).
     */
    private void interactive(JComponent painted) {
        // the environment too: a jpackage launcher takes no JVM options from its caller
        String startup = System.getProperty("rongdesk.startup", Objects.requireNonNullElse(System.getenv("RONGDESK_STARTUP"), ""));
        if (!startup.isEmpty()) {
            painted.paintImmediately(painted.getBounds());
            long now = System.currentTimeMillis();
            // JVM start, read after the clock: loading java.management is not counted
            long ms = now - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("rongdesk: interactive " + ms);
            if (StartupPhases.on()) {
                System.out.println("rongdesk: phases " + StartupPhases.report() + ", interactive " + ms);
            }
            System.out.flush();
            if (startup.endsWith("exit")) {
                quit();
                return;
            }
            int scroll = Integer.getInteger("rongdesk.bench.scroll", 0);
            if (scroll > 0 && window != null) {
                window.scrollBack(scroll, read -> {
                    System.out.println("rongdesk: scrolled " + read);
                    System.out.flush();
                });
            }
        }
        rong.loadPlugins((ret, err) -> {
            if (err != null) {
                LOG.warning(() -> "plugins did not load: " + err);
            }
        });
    }

    @Override
    public void settings() {
        SettingsDialog.Changes changes = new SettingsDialog(window, context()).ask();
        if (changes.view()) {
            viewChanged();
        }
        if (changes.language()) {
            texts = new Texts(settings.locale());
            MainWindow old = window;
            old.shutdown();
            old.dispose();
            window = new MainWindow(context(), staging, this);
            window.setVisible(true);
            window.focusStart();
        }
    }

    @Override
    public void viewChanged() {
        settings.save();
        Themes.apply(settings.theme(), kioskScale());
    }

    @Override
    public void quit() {
        if (window != null) {
            window.shutdown();
            window.dispose();
        }
        exit(0);
    }

    /** Closes the client off the EDT (it may take seconds), then ends the program. */
    private void exit(int status) {
        windowUp.countDown();
        RongCloud closing = rong;
        Thread closer = new Thread(() -> {
            try {
                if (closing != null) {
                    closing.close();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing the client failed", e);
            }
            System.exit(status);
        }, "rongdesk-exit");
        closer.start();
        for (java.awt.Window open : JFrame.getWindows()) {
            open.dispose();
        }
    }

    private void closeSigningIn() {
        if (signingInLater != null) {
            signingInLater.stop();
        }
        if (signingIn != null) {
            signingIn.dispose();
            signingIn = null;
        }
    }

    private void closeClient() {
        RongCloud old = rong;
        if (old != null) {
            new Thread(old::close, "rongdesk-close").start();
        }
    }
}
