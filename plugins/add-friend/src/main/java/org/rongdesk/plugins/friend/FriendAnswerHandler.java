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
        context.announce(command.senderUserId() + " accepted your friend request.");
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
