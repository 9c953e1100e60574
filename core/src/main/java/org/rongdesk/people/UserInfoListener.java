package org.rongdesk.people;

import org.rongdesk.model.UserInfo;

/** Hears that a user's name or picture changed (the user's own too), on the people thread. */
@FunctionalInterface
public interface UserInfoListener {
    void changed(UserInfo info);
}
