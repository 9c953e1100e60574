package org.rongdesk.message;

import org.rongdesk.model.StoredMessage;

/**
 * Hears every received message once it is stored. {@code left} counts down the messages still to
 * come in the batch delivered after (re)connecting, and is 0 for live messages. Called on the
 * receive thread, in order.
 */
@FunctionalInterface
public interface ReceiveListener {
    void received(StoredMessage message, int left);
}
