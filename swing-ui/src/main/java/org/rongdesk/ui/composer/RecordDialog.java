package org.rongdesk.ui.composer;

import java.awt.Window;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.swing.JLabel;
import javax.swing.JToggleButton;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.FormDialog;
import org.rongdesk.ui.media.Staging;
import org.rongdesk.ui.media.VoiceRecorder;

/**
 * Records a voice message: Record starts (the button becomes Stop, the time counts up), Stop
 * ends it, Send sends it. The sound device is opened and closed off the EDT. On a machine
 * without a microphone it says so and sends nothing.
 */
final class RecordDialog {
    private record Recorded(Path file, long seconds) {
    }

    private final UiContext ui;
    private final Staging staging;
    private final FormDialog form;
    private final JToggleButton toggle;
    private final JLabel state = A11y.plain(new JLabel());
    private final Timer clock;
    private VoiceRecorder recorder;
    private long started;
    private Path recorded;

    RecordDialog(Window owner, UiContext ui, Staging staging) {
        this.ui = ui;
        this.staging = staging;
        form = new FormDialog(owner, ui, ui.texts().get("action.recordVoice"));
        toggle = form.row(ui.texts().button(new JToggleButton(), "record.start"));
        form.row(state);
        state.setText(ui.texts().get("record.ready"));
        toggle.addActionListener(e -> {
            if (toggle.isSelected()) {
                start();
            } else {
                stop();
            }
        });
        clock = new Timer(1000, e -> state.setText(ui.texts().get("record.recording", (System.currentTimeMillis() - started) / 1000)));
        form.okButton().setText(ui.texts().get("composer.send"));
        form.setCheck(() -> recorded == null ? ui.texts().get("record.nothing") : null);
    }

    /** The recorded file to send, if the user recorded and pressed Send. */
    Optional<Path> ask() {
        boolean send = form.ask();
        clock.stop();
        if (recorder != null && toggle.isSelected()) {
            VoiceRecorder running = recorder;
            CompletableFuture.runAsync(running::cancel);
        }
        return send ? Optional.ofNullable(recorded) : Optional.empty();
    }

    private void start() {
        recorded = null;
        VoiceRecorder starting = new VoiceRecorder();
        CompletableFuture.runAsync(() -> {
            try {
                starting.start();
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }).whenComplete((done, failure) -> SwingUtilities.invokeLater(() -> {
            if (failure != null) {
                toggle.setSelected(false);
                say(ui.texts().get("record.noMicrophone"));
                return;
            }
            recorder = starting;
            started = System.currentTimeMillis();
            ui.texts().button(toggle, "record.stop");
            clock.start();
            say(ui.texts().get("record.started"));
        }));
    }

    private void stop() {
        clock.stop();
        VoiceRecorder running = recorder;
        if (running == null) {
            return;
        }
        CompletableFuture.supplyAsync(() -> {
            try {
                Path file = staging.newFile(".wav");
                return new Recorded(file, running.stop(file));
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }).whenComplete((result, failure) -> SwingUtilities.invokeLater(() -> {
            ui.texts().button(toggle, "record.start");
            if (failure != null) {
                say(ui.texts().get("record.failed", failure.getMessage()));
                return;
            }
            recorded = result.file();
            say(ui.texts().get("record.done", result.seconds()));
        }));
    }

    private void say(String text) {
        state.setText(text);
        ui.announcer().announce(text);
    }
}
