package org.rongdesk.room;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.RoomInfo;
import org.rongdesk.base.RongException;

/** What a room says about itself (XEP-0045 disco#info): its name and whether occupants may invite. */
final class RoomInfos {
    private RoomInfos() {
    }

    static RoomInfo of(MultiUserChat muc, XMPPConnection connection) throws RongException {
        try {
            return MultiUserChatManager.getInstanceFor(connection).getRoomInfo(muc.getRoom());
        } catch (Exception e) {
            throw RoomFailures.of(e, "reading " + muc.getRoom());
        }
    }

    /** The room's name: its subject when one is set (any member may rename a discussion), else its configured name. */
    static String name(MultiUserChat muc, XMPPConnection connection, String fallback) throws RongException {
        String subject = muc.getSubject();
        if (subject != null && !subject.isBlank()) {
            return subject;
        }
        String name = of(muc, connection).getName();
        return name == null || name.isBlank() ? fallback : name;
    }
}
