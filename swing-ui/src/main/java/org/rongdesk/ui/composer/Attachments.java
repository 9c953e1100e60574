package org.rongdesk.ui.composer;

import java.awt.Window;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javax.swing.Action;
import javax.swing.JTextField;
import javax.swing.filechooser.FileFilter;
import javax.swing.filechooser.FileNameExtensionFilter;

import org.rongdesk.api.RongCloud;
import org.rongdesk.ui.app.Actions;
import org.rongdesk.ui.app.Client;
import org.rongdesk.ui.app.ConversationRef;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.Dialogs;
import org.rongdesk.ui.dialog.FormDialog;
import org.rongdesk.ui.media.Staging;

/**
 * Sending what is not plain text: an image (with a description, read to screen-reader users),
 * a voice file, a voice recording, a location, rich content. A picked file is sent from where it
 * is, by its absolute path (the client keeps its own copy as it sends).
 */
public final class Attachments {
    private final UiContext ui;
    private final ComposerPanel composer;
    private final Window owner;
    private final Staging staging;

    public final Action image;
    public final Action voice;
    public final Action record;
    public final Action location;
    public final Action rich;

    public Attachments(UiContext ui, ComposerPanel composer, Window owner, Staging staging) {
        this.ui = ui;
        this.composer = composer;
        this.owner = owner;
        this.staging = staging;
        image = Actions.of(ui.texts(), "action.sendImage", this::sendImage);
        voice = Actions.of(ui.texts(), "action.sendVoice", this::sendVoiceFile);
        record = Actions.of(ui.texts(), "action.recordVoice", this::recordVoice);
        location = Actions.of(ui.texts(), "action.sendLocation", this::sendLocation);
        rich = Actions.of(ui.texts(), "action.sendRich", this::sendRich);
    }

    /** The actions in menu order. */
    public List<Action> all() {
        return List.of(image, voice, record, location, rich);
    }

    /** Puts an Attach menu of them beside the composer's Send. */
    public void addTo(ComposerPanel panel) {
        panel.addAttachMenu(all());
    }

    /** Enables them when a conversation is open. */
    public void update() {
        boolean open = composer.conversation().isPresent();
        all().forEach(action -> action.setEnabled(open));
    }

    private void sendImage() {
        composer.conversation().ifPresent(to -> choose("attach.chooseImage", Dialogs.imageFiles(ui.texts())).ifPresent(file -> {
                    FormDialog form = new FormDialog(owner, ui, ui.texts().get("action.sendImage"));
                    form.note(ui.texts().get("attach.imageFile", file.getFileName()));
                    JTextField description = form.field("attach.description", new JTextField(30));
                    form.okButton().setText(ui.texts().get("composer.send"));
                    if (form.ask()) {
                        send(RongCloud::sendImageMessage, to, "imagePath", file.toString(),
                                "extra", description.getText().strip());
                    }
                }));
    }

    private void sendVoiceFile() {
        composer.conversation().ifPresent(to -> choose("attach.chooseVoice",
                new FileNameExtensionFilter(ui.texts().get("attach.wave"), "wav", "wave")).ifPresent(file ->
                        send(RongCloud::sendVoiceMessage, to, "voicePath", file.toString())));
    }

    private void recordVoice() {
        composer.conversation().ifPresent(to -> new RecordDialog(owner, ui, staging).ask()
                .ifPresent(file -> send(RongCloud::sendVoiceMessage, to, "voicePath", file.toString())));
    }

    private void sendLocation() {
        composer.conversation().ifPresent(to -> new LocationForm(owner, ui).ask().ifPresent(location -> {
            if (location.image().isEmpty()) {
                send(RongCloud::sendLocationMessage, to, "latitude", location.latitude(), "longitude", location.longitude(),
                        "poi", location.place());
            } else {
                send(RongCloud::sendLocationMessage, to, "latitude", location.latitude(), "longitude", location.longitude(),
                        "poi", location.place(), "imagePath", Path.of(location.image()).toAbsolutePath().toString());
            }
        }));
    }

    private void sendRich() {
        composer.conversation().ifPresent(to -> new RichContentForm(owner, ui).ask().ifPresent(content ->
                send(RongCloud::sendRichContentMessage, to, "title", content.title(), "description", content.description(),
                        "url", content.url(), "imageUrl", content.imageUrl())));
    }

    private Optional<Path> choose(String titleKey, FileFilter filter) {
        return Dialogs.chooseFile(owner, ui.texts().get(titleKey), filter);
    }

    private void send(Client.Method method, ConversationRef to, Object... fields) {
        ui.client().send(method, Json.conversation(to.type(), to.targetId(), fields));
        ui.announcer().announce(ui.texts().get("attach.sending"));
    }
}
