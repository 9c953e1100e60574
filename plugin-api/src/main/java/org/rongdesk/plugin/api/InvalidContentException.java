package org.rongdesk.plugin.api;

/** Content that does not fit its type; the message says which field and why. */
public class InvalidContentException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidContentException(String message) {
        super(message);
    }
}
