package org.rongdesk.plugins.poll;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rongdesk.plugin.api.PluginMessage;

/** Names and rules shared by the poll type, the vote command and the view. */
final class Polls {
    static final String TYPE = "App:Poll";
    static final String VOTE = "poll.vote";
    static final String COMMAND = "RC:CmdNtf";
    /** How many earlier messages are searched for a poll and its votes. */
    static final int HISTORY = 1000;

    private Polls() {
    }

    /** A vote command's data, if it is one: poll id and option index. */
    static Optional<Map.Entry<String, Integer>> vote(PluginMessage command) {
        JsonObject content = command.content();
        if (!content.has("name") || !VOTE.equals(content.get("name").getAsString()) || !content.has("data")) {
            return Optional.empty();
        }
        return vote(content.get("data").getAsString());
    }

    /** Reads vote data {@code {"pollId": "...", "option": n}}. */
    static Optional<Map.Entry<String, Integer>> vote(String data) {
        try {
            JsonElement json = JsonParser.parseString(data);
            if (!json.isJsonObject()) {
                return Optional.empty();
            }
            JsonObject vote = json.getAsJsonObject();
            String pollId = vote.get("pollId").getAsString();
            int option = vote.get("option").getAsInt();
            return Optional.of(Map.entry(pollId, option));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Vote data for {@code pollId}, option {@code option}. */
    static String voteData(String pollId, int option) {
        JsonObject vote = new JsonObject();
        vote.addProperty("pollId", pollId);
        vote.addProperty("option", option);
        return vote.toString();
    }

    /** Votes per option of {@code pollId} among {@code commands} (newest first, as history comes): each sender's newest vote counts. */
    static int[] tally(String pollId, int options, List<PluginMessage> commands) {
        int[] counts = new int[options];
        Map<String, Integer> bySender = new HashMap<>();
        for (PluginMessage command : commands) {
            vote(command).filter(v -> v.getKey().equals(pollId) && v.getValue() >= 0 && v.getValue() < options)
                    .ifPresent(v -> bySender.putIfAbsent(command.senderUserId(), v.getValue()));
        }
        bySender.values().forEach(option -> counts[option]++);
        return counts;
    }

    /** The options of a poll's content. */
    static List<String> options(JsonObject poll) {
        List<String> options = new ArrayList<>();
        poll.getAsJsonArray("options").forEach(option -> options.add(option.getAsString()));
        return options;
    }
}
