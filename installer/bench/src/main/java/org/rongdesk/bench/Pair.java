package org.rongdesk.bench;

/** A sender and a receiver signed in to one server; what the receiver gets goes to the pair's receipt sink. */
interface Pair extends AutoCloseable {
    /** Sends {@code text} from the sender to the receiver without waiting for it to arrive. */
    void send(String text) throws Exception;

    @Override
    void close();
}
