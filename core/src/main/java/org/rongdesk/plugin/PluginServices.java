package org.rongdesk.plugin;

import com.google.gson.JsonObject;

import java.util.List;
import java.util.Optional;

import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.StoredMessage;

/** What the client lends plugins, for the user signed in now (empty when nobody is). */
public interface PluginServices {
    /** The signed-in user's id. */
    Optional<String> userId();

    /** Sends a message of any registered type; failures are logged. */
    void send(ConversationKey conversation, String objectName, JsonObject content);

    /** Adds a contact (in the background); failures are logged. */
    void addContact(String userId);

    /** Newest stored messages of a conversation, of one type (null: all). */
    List<StoredMessage> history(ConversationKey conversation, String objectName, int count);
}
