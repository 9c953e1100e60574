package org.rongdesk.plugins.poll;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pf4j.Extension;
import org.rongdesk.plugin.api.Command;
import org.rongdesk.plugin.api.CommandHandler;
import org.rongdesk.plugin.api.PluginContext;
import org.rongdesk.plugin.api.PluginMessage;

/** {@code poll.vote}: tells the user who voted what on which poll, and the tally now. */
@Extension
public final class VoteHandler implements CommandHandler {
    @Override
    public String commandName() {
        return Polls.VOTE;
    }

    @Override
    public void handle(Command command, PluginContext context) {
        Optional<Map.Entry<String, Integer>> vote = Polls.vote(command.data());
        if (vote.isEmpty()) {
            context.logger().info(() -> "ignored a malformed vote from " + command.senderUserId());
            return;
        }
        String pollId = vote.get().getKey();
        Optional<PluginMessage> poll = context.history(command.conversationType(), command.targetId(), Polls.TYPE, Polls.HISTORY)
                .stream().filter(m -> pollId.equals(m.content().get("pollId").getAsString())).findFirst();
        if (poll.isEmpty()) {
            context.logger().info(() -> "a vote for poll " + pollId + ", which is not in this conversation");
            return;
        }
        List<String> options = Polls.options(poll.get().content());
        int option = vote.get().getValue();
        if (option < 0 || option >= options.size()) {
            return;
        }
        int[] counts = Polls.tally(pollId, options.size(),
                context.history(command.conversationType(), command.targetId(), Polls.COMMAND, Polls.HISTORY));
        StringBuilder tally = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            tally.append(i == 0 ? "" : ", ").append(options.get(i)).append(' ').append(counts[i]);
        }
        context.announce(command.senderUserId() + " voted \u201c" + options.get(option) + "\u201d in \u201c"
                + poll.get().content().get("question").getAsString() + "\u201d. Now: " + tally);
    }
}
