package org.rongdesk.plugin.api;

import java.util.List;

/**
 * Something the user is asked to decide, such as a friend request: a text and the choices to
 * answer with. The client shows it until the user answers (or it is withdrawn), then calls
 * {@link Answer#answered} with the chosen choice on the plugin thread.
 *
 * @param text    what is asked, plain text
 * @param choices the answers offered, e.g. {@code ["Accept", "Decline"]}
 * @param answer  called with the user's choice
 */
public record Question(String text, List<String> choices, Answer answer) {
    /** Hears the user's answer to a question. */
    @FunctionalInterface
    public interface Answer {
        void answered(String choice, PluginContext context) throws Exception;
    }

    public Question {
        choices = List.copyOf(choices);
    }
}
