package org.rongdesk.plugins.friend;

import org.pf4j.Extension;
import org.rongdesk.plugin.api.Command;
import org.rongdesk.plugin.api.CommandHandler;
import org.rongdesk.plugin.api.PluginContext;

/** The answers to this user's friend requests: {@code AddFriend.accepted} (and, below, declined). */
@Extension
public final class FriendAnswerHandler implements CommandHandler {
    static final String ACCEPTED = "AddFriend.accepted";
    static final String DECLINED = "AddFriend.declined";

    @Override
    public String commandName() {
        return ACCEPTED;
    }

    @Override
    public void handle(Command command, PluginContext context) {
        if (!asked(command, context)) {
            context.logger().warning(() -> "an AddFriend.accepted from " + command.senderUserId()
                    + ", who was never asked, was ignored");
            return;
        }
        context.addContact(command.senderUserId());
        context.announce(command.senderUserId() + " accepted your friend request.");
    }

    /**
     * Whether the user sent this conversation an AddFriend: anyone can send an "accepted", and
     * it makes them a contact who sees the user's presence.
     */
    static boolean asked(Command command, PluginContext context) {
        return context.history(command.conversationType(), command.targetId(), "RC:CmdNtf", 200).stream()
                .anyMatch(message -> message.sent() && message.content().has("name")
                        && message.content().get("name").isJsonPrimitive()
                        && "AddFriend".equals(message.content().get("name").getAsString()));
    }

    /** {@code AddFriend.declined}. */
    @Extension
    public static final class Declined implements CommandHandler {
        @Override
        public String commandName() {
            return DECLINED;
        }

        @Override
        public void handle(Command command, PluginContext context) {
            context.announce(command.senderUserId() + " declined your friend request.");
        }
    }
}
