package org.rongdesk.room;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.RongException;

/** Turns a failed room operation into the spec's codes: 3001 on no answer, -10002 for a room that does not exist, else -1. */
final class RoomFailures {
    private RoomFailures() {
    }

    static RongException of(Exception e, String what) {
        if (e instanceof RongException rong) {
            return rong;
        }
        if (e instanceof SmackException.NoResponseException) {
            return new RongException(ErrorCode.TIMEOUT, what + ": the server did not answer in time", e);
        }
        if (e instanceof SmackException.NotConnectedException) {
            return new RongException(ErrorCode.UNKNOWN, what + ": not connected to the server", e);
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new RongException(ErrorCode.UNKNOWN, what + ": interrupted", e);
        }
        if (e instanceof XMPPException.XMPPErrorException error) {
            StanzaError.Condition condition = error.getStanzaError().getCondition();
            return switch (condition) {
                case item_not_found, remote_server_not_found -> RongException.invalid(what + ": there is no such room");
                case registration_required, forbidden -> new RongException(ErrorCode.UNKNOWN,
                        what + ": you are not a member", e);
                case not_allowed -> new RongException(ErrorCode.UNKNOWN, what + ": not allowed", e);
                default -> new RongException(ErrorCode.UNKNOWN, what + ": the server refused (" + condition + ")", e);
            };
        }
        return new RongException(ErrorCode.UNKNOWN, what + " failed: " + e, e);
    }
}
