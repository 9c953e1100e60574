package org.rongdesk.plugins.friend;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.List;

import org.pf4j.Extension;
import org.rongdesk.plugin.api.Command;
import org.rongdesk.plugin.api.CommandHandler;
import org.rongdesk.plugin.api.PluginContext;
import org.rongdesk.plugin.api.Question;

/**
 * {@code AddFriend}: asks the user "X wants to add you as a friend" with Accept and Decline. Who
 * asks is the command's server-verified sender; an {@code inviteUserId} in the data that names
 * someone else is refused (logged), since anyone could write any id there.
 */
@Extension
public final class FriendRequestHandler implements CommandHandler {
    static final String ACCEPT = "Accept";
    static final String DECLINE = "Decline";

    @Override
    public String commandName() {
        return "AddFriend";
    }

    @Override
    public void handle(Command command, PluginContext context) {
        String inviter = command.senderUserId();
        String claimed = inviteUserId(command.data());
        if (claimed == null) {
            context.logger().info(() -> "an AddFriend from " + inviter + " without an inviteUserId was ignored");
            return;
        }
        if (!claimed.equals(inviter)) {
            context.logger().warning(() -> "an AddFriend from " + inviter + " claiming to come from " + claimed + " was ignored");
            return;
        }
        context.ask(new Question(inviter + " wants to add you as a friend.", List.of(ACCEPT, DECLINE),
                (choice, answering) -> {
                    JsonObject reply = new JsonObject();
                    reply.addProperty("name", choice.equals(ACCEPT) ? FriendAnswerHandler.ACCEPTED : FriendAnswerHandler.DECLINED);
                    JsonObject data = new JsonObject();
                    data.addProperty("userId", answering.userId());
                    reply.addProperty("data", data.toString());
                    if (choice.equals(ACCEPT)) {
                        answering.addContact(inviter);
                    }
                    answering.sendMessage(command.conversationType(), command.targetId(), "RC:CmdNtf", reply);
                    answering.announce(choice.equals(ACCEPT) ? "You and " + inviter + " are friends now."
                            : "You declined " + inviter + "'s friend request.");
                }));
    }

    /** The data's inviteUserId (a string or a number, as the spec's example sends 123), or null. */
    static String inviteUserId(String data) {
        try {
            JsonElement json = JsonParser.parseString(data);
            if (!json.isJsonObject() || !json.getAsJsonObject().has("inviteUserId")) {
                return null;
            }
            JsonElement id = json.getAsJsonObject().get("inviteUserId");
            return id.isJsonPrimitive() ? id.getAsString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
