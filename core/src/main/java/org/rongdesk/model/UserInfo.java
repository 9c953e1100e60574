package org.rongdesk.model;

/**
 * What is known of a user: the name and picture they gave themselves, as last read.
 *
 * @param userId      whose
 * @param name        the name they chose; empty when they chose none
 * @param portraitUri their picture: a {@code file:} URI of the copy kept here, or the web address
 *                    their profile names; empty when they have none
 * @param photoHash   SHA-1 (hex) of the picture's bytes, as XEP-0153 presences announce it; empty when none
 * @param checkedAt   when it was last read from the server (epoch ms)
 */
public record UserInfo(String userId, String name, String portraitUri, String photoHash, long checkedAt) {
    /** Someone of whom nothing is known yet. */
    public static UserInfo unknown(String userId) {
        return new UserInfo(userId, "", "", "", 0);
    }

    /** The name to show: the chosen one, else the id. */
    public String shownName() {
        return name.isEmpty() ? userId : name;
    }

    /** Whether what a user sees differs from {@code other}. */
    public boolean looksDifferent(UserInfo other) {
        return !name.equals(other.name) || !portraitUri.equals(other.portraitUri);
    }
}
