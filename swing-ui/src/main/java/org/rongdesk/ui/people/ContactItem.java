package org.rongdesk.ui.people;

import com.google.gson.JsonObject;

/**
 * A contact as the Contacts view lists them (their name and picture are in {@link Names}).
 *
 * @param userId       who
 * @param presence     online, away or offline
 * @param subscription none, to, from or both: whether each sees the other's presence
 */
public record ContactItem(String userId, String presence, String subscription) {
    /** Reads one entry of getContacts. */
    public static ContactItem from(JsonObject json) {
        return new ContactItem(json.get("userId").getAsString(), json.get("presence").getAsString(),
                json.get("subscription").getAsString());
    }

    /** Whether they let the user see their presence (else they have not accepted yet). */
    public boolean sharesPresence() {
        return "to".equals(subscription) || "both".equals(subscription);
    }
}
