package org.rongdesk.message;

import java.util.logging.Level;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/** What the catch-up stages share. */
final class CatchUps {
    private CatchUps() {
    }

    /** A catch-up cut short by a disconnect is routine; anything else is worth a warning. */
    static Level level(XMPPTCPConnection connection, Exception e) {
        return !connection.isConnected() || e instanceof SmackException.NotConnectedException ? Level.FINE : Level.WARNING;
    }
}
