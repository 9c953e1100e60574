package org.rongdesk.ui.people;

import java.awt.Window;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.Action;

import org.rongdesk.ui.app.Actions;
import org.rongdesk.ui.app.ConversationRef;
import org.rongdesk.ui.app.UiContext;

/** The People menu: the contacts (one chosen opens its private conversation) and the user's own profile. */
public final class PeopleActions {
    private final UiContext ui;
    private final Window owner;
    private final Names names;
    private final Avatars avatars;
    private final Consumer<ConversationRef> write;

    public final Action contacts;
    public final Action profile;

    /** @param write opens a conversation to write in it (a contact chosen) */
    public PeopleActions(UiContext ui, Window owner, Names names, Avatars avatars, Consumer<ConversationRef> write) {
        this.ui = ui;
        this.owner = owner;
        this.names = names;
        this.avatars = avatars;
        this.write = write;
        contacts = Actions.of(ui.texts(), "action.contacts", this::contacts);
        profile = Actions.of(ui.texts(), "action.profile", this::profile);
    }

    /** The actions in menu order. */
    public List<Action> all() {
        return List.of(contacts, profile);
    }

    private void contacts() {
        new ContactsDialog(owner, ui, names, avatars).ask()
                .ifPresent(userId -> write.accept(names.named(new ConversationRef("PRIVATE", userId, ""))));
    }

    /** Opens once the user's own profile is read (at once when it is kept). */
    private void profile() {
        String self = ui.client().userId();
        names.whenKnown(List.of(self), () -> new ProfileDialog(owner, ui, names, avatars, names.person(self)).ask()
                .ifPresent(saved -> ui.announcer().announce(ui.texts().get("profile.saved", saved.name()))));
    }
}
