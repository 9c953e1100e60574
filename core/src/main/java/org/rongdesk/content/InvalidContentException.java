package org.rongdesk.content;

/** Content that does not match its type: says which field and why. */
public class InvalidContentException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidContentException(String message) {
        super(message);
    }
}
