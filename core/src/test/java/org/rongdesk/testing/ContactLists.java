package org.rongdesk.testing;

import static org.rongdesk.testing.Sends.result;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.time.Duration;
import java.util.function.Function;

import org.rongdesk.api.RongCloud;

/** A client's contacts as getContacts answers them, and waiting for one to reach a state. */
public final class ContactLists {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private ContactLists() {
    }

    public static JsonArray contacts(RongCloud client) {
        return result((params, callback) -> client.getContacts(callback), new JsonObject()).getAsJsonArray();
    }

    /**
     * Reads the contacts until {@code userId}'s {@code state} (say, its subscription) is
     * {@code expected}, at most 15 s; answers the state last seen ("not a contact" when absent).
     */
    public static String await(RongCloud client, String userId, Function<JsonObject, String> state, String expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String seen = "not a contact";
        while (System.nanoTime() < deadline) {
            seen = "not a contact";
            for (JsonElement contact : contacts(client)) {
                if (contact.getAsJsonObject().get("userId").getAsString().equals(userId)) {
                    seen = state.apply(contact.getAsJsonObject());
                }
            }
            if (seen.equals(expected)) {
                break;
            }
            Thread.sleep(50);
        }
        return seen;
    }

    /** A contact's subscription: none, to, from or both. */
    public static String subscription(JsonObject contact) {
        return contact.get("subscription").getAsString();
    }
}
