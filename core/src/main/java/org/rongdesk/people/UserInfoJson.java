package org.rongdesk.people;

import com.google.gson.JsonObject;

import org.rongdesk.model.UserInfo;

/** A user's profile as the API answers it: {@code {userId, name, portraitUri}}, the id as name when they chose none. */
public final class UserInfoJson {
    private UserInfoJson() {
    }

    public static JsonObject of(UserInfo info) {
        JsonObject json = new JsonObject();
        json.addProperty("userId", info.userId());
        json.addProperty("name", info.shownName());
        json.addProperty("portraitUri", info.portraitUri());
        return json;
    }
}
