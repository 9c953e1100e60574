package org.rongdesk.people;

/** Hears that a contact's presence changed: {@code presence} is "online", "away" or "offline". */
@FunctionalInterface
public interface PresenceListener {
    void changed(String userId, String presence);
}
