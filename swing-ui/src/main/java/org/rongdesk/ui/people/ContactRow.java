package org.rongdesk.ui.people;

import java.awt.BorderLayout;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JList;

import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.access.ListRow;
import org.rongdesk.ui.i18n.Texts;

/**
 * A contact's row: their picture (decorative), then their name and presence in words, read as
 * "Bob — online"; one who has not accepted yet also "waiting for them to accept".
 */
final class ContactRow extends ListRow<ContactItem> {
    private final Texts texts;
    private final Names names;
    private final AvatarSlot picture;
    private final JLabel words = A11y.plain(new JLabel());

    ContactRow(Texts texts, Names names, Avatars avatars) {
        super(new BorderLayout(8, 0));
        this.texts = texts;
        this.names = names;
        this.picture = new AvatarSlot(avatars);
        add(picture, BorderLayout.WEST);
        add(words, BorderLayout.CENTER);
        setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
    }

    @Override
    public String spoken(ContactItem contact) {
        String line = texts.get("contacts.row", names.name(contact.userId()), presence(contact.presence()));
        return contact.sharesPresence() ? line : line + ", " + texts.get("contacts.pending");
    }

    @Override
    protected void show(JList<? extends ContactItem> list, ContactItem contact, boolean selected, boolean focused) {
        styleLike(list, selected, words);
        words.setText(spoken(contact));
        picture.show(list, contact.userId());
    }

    /** "online", "away", "offline" in the UI's words (a state core may add later: as it is named). */
    private String presence(String presence) {
        String key = "presence." + presence;
        return texts.has(key) ? texts.get(key) : presence;
    }
}
