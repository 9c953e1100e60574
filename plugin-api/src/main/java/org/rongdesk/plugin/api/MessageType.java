package org.rongdesk.plugin.api;

import com.google.gson.JsonObject;

import org.pf4j.ExtensionPoint;

/**
 * A message content type, identified by its objectName (for plugins {@code Vendor:Name}, e.g.
 * {@code App:Poll}; the {@code RC:} prefix belongs to the built-in types). Messages of the type
 * can then be sent with the client's generic send ({@code sendMessage}) and are received with
 * their objectName and content, stored and counted as the flags say.
 *
 * <p>Every received content passes {@link #validate} first, so a plugin sees only content it has
 * accepted; content it rejects falls back to the message's readable text. Implementations must be
 * quick and free of side effects: the client calls them on its receive path.
 */
public interface MessageType extends ExtensionPoint {
    /** The objectName, at most 64 characters. */
    String objectName();

    /** Whether received messages of this type are kept in history. */
    default boolean persisted() {
        return true;
    }

    /** Whether received messages of this type count as unread. */
    default boolean counted() {
        return true;
    }

    /**
     * Checks content (received from anyone: treat it as hostile) and returns the clean content to
     * keep, holding only the fields this type defines.
     *
     * @throws InvalidContentException saying which field is wrong
     */
    JsonObject validate(JsonObject content) throws InvalidContentException;

    /**
     * One line of plain text saying what the message is, for conversation lists, notifications and
     * screen readers, and as the readable body other XMPP clients show. Never markup.
     */
    String summary(JsonObject content);
}
