package org.rongdesk.store;

import java.util.Collection;

import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;

/**
 * Hears what the store takes away or rewrites, after it is committed, on the thread that
 * changed it (holding the store's lock: do not call back into it, hand the work on). New
 * messages come with no detail: whoever needs them reads them by id ({@link LocalStore#messagesAfter}).
 */
public interface StoreListener {
    /** Messages were stored. */
    default void added() {
    }

    /** These messages were deleted. */
    default void removed(Collection<Long> ids) {
    }

    /** Every message of {@code key} was deleted. */
    default void cleared(ConversationKey key) {
    }

    /** Every message of conversations of these types was deleted. */
    default void clearedTypes(Collection<ConversationType> types) {
    }

    /** Message {@code id}'s content was replaced. */
    default void contentChanged(long id) {
    }
}
