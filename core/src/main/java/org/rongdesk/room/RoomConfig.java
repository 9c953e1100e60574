package org.rongdesk.room;

import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.rongdesk.base.RongException;

/**
 * How each kind of room is configured (XEP-0045 room configuration). All rooms are
 * non-anonymous, so members learn who sent what and may read the member lists (ejabberd allows
 * members that in non-anonymous rooms), and none is moderated (ejabberd 23.01 lets a revoked
 * member back into moderated rooms, shared/notes/ejabberd.md).
 */
final class RoomConfig {
    private RoomConfig() {
    }

    /** A discussion: persistent, members only, unlisted; occupants may rename it; invitations as given. */
    static void discussion(MultiUserChat muc, String name, boolean allowInvites) throws RongException {
        apply(muc, "configuring the discussion", form -> {
            common(form, name, true);
            form.setAnswer("muc#roomconfig_membersonly", true);
            form.setAnswer("muc#roomconfig_publicroom", false);
            form.setAnswer("muc#roomconfig_allowinvites", allowInvites);
        });
    }

    /** A group: persistent and open, as rongCloud lets any client join a group by its id. */
    static void group(MultiUserChat muc, String name) throws RongException {
        apply(muc, "configuring the group", form -> {
            common(form, name, true);
            form.setAnswer("muc#roomconfig_membersonly", false);
            form.setAnswer("muc#roomconfig_publicroom", false);
        });
    }

    /** A chat room: persistent, open and listed; its history is what the server keeps in memory. */
    static void chatRoom(MultiUserChat muc, String name) throws RongException {
        apply(muc, "configuring the chat room", form -> {
            common(form, name, true);
            form.setAnswer("muc#roomconfig_membersonly", false);
            form.setAnswer("muc#roomconfig_publicroom", true);
        });
    }

    /** Changes whether members may invite (the discussion's invite status). */
    static void allowInvites(MultiUserChat muc, boolean allow) throws RongException {
        apply(muc, "changing the invite status", form -> form.setAnswer("muc#roomconfig_allowinvites", allow));
    }

    /** Changes the configured name. */
    static void rename(MultiUserChat muc, String name) throws RongException {
        apply(muc, "renaming the room", form -> form.setAnswer("muc#roomconfig_roomname", name));
    }

    private static void common(FillableForm form, String name, boolean persistent) {
        form.setAnswer("muc#roomconfig_roomname", name);
        form.setAnswer("muc#roomconfig_persistentroom", persistent);
        form.setAnswer("muc#roomconfig_moderatedroom", false);
        form.setAnswer("muc#roomconfig_whois", "anyone");
        form.setAnswer("muc#roomconfig_changesubject", true);
    }

    @FunctionalInterface
    private interface Filler {
        void fill(FillableForm form);
    }

    private static void apply(MultiUserChat muc, String what, Filler filler) throws RongException {
        try {
            FillableForm form = muc.getConfigurationForm().getFillableForm();
            filler.fill(form);
            muc.sendConfigurationForm(form);
        } catch (Exception e) {
            throw RoomFailures.of(e, what);
        }
    }
}
