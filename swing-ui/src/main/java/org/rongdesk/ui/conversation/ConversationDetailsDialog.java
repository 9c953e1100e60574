package org.rongdesk.ui.conversation;

import java.awt.Window;

import org.rongdesk.ui.app.ConversationRef;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.InfoDialog;
import org.rongdesk.ui.people.Avatars;
import org.rongdesk.ui.people.Names;
import org.rongdesk.ui.people.Person;
import org.rongdesk.ui.people.PictureLabel;

/**
 * Conversation → Details…: the conversation's name, its id (a private conversation's is its
 * peer's user id, which stays findable here however they name themselves), its kind, and the
 * peer's picture.
 */
final class ConversationDetailsDialog extends InfoDialog {
    private final PictureLabel picture;

    ConversationDetailsDialog(Window owner, UiContext ui, ConversationRef ref, Names names, Avatars avatars) {
        super(owner, ui, ui.texts().get("conversationDetails.title"));
        boolean personal = "PRIVATE".equals(ref.type());
        String name = names.conversationName(ref.type(), ref.targetId(), ref.title());
        line("conversationDetails.name", name);
        line(personal ? "conversationDetails.userId" : "conversationDetails.id", ref.targetId());
        line("conversationDetails.type", ui.texts().get("conversationType." + ref.type()));
        picture = new PictureLabel(avatars);
        if (personal) {
            Person person = names.person(ref.targetId());
            picture.show(person.picture().orElse(null), ui.texts().get("people.pictureOf", name), ui.texts().get("people.noPicture"));
            wide(picture);
        }
    }

    @Override
    public void dispose() {
        picture.stop();
        super.dispose();
    }
}
