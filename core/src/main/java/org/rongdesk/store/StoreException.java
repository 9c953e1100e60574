package org.rongdesk.store;

/** The local store failed (disk full, file damaged, open in another process …). */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
