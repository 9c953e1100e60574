package org.rongdesk.plugins.poll;

import com.google.gson.JsonObject;

import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingWorker;

import org.pf4j.Extension;
import org.rongdesk.plugin.api.MessageView;
import org.rongdesk.plugin.api.PluginContext;
import org.rongdesk.plugin.api.PluginMessage;

/**
 * A poll in the history: its question, then one button per option ("Vote yes, 2 votes") that
 * sends this user's vote. Tallies are read from history off the EDT. Text is never rendered as
 * HTML, whatever the poll's author typed.
 */
@Extension
public final class PollView implements MessageView {
    @Override
    public String objectName() {
        return Polls.TYPE;
    }

    @Override
    public JComponent create(PluginMessage message, PluginContext context) {
        JsonObject poll = message.content();
        String pollId = poll.get("pollId").getAsString();
        String question = poll.get("question").getAsString();
        List<String> options = Polls.options(poll);

        JPanel panel = new JPanel(new GridLayout(0, 1));
        panel.setBorder(BorderFactory.createTitledBorder(""));
        JLabel title = plainLabel("Poll: " + question);
        panel.add(title);
        List<JButton> buttons = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            int option = i;
            JButton button = new JButton();
            button.putClientProperty("html.disable", Boolean.TRUE);
            button.addActionListener(event -> {
                JsonObject vote = new JsonObject();
                vote.addProperty("name", Polls.VOTE);
                vote.addProperty("data", Polls.voteData(pollId, option));
                context.sendMessage(message.conversationType(), message.targetId(), Polls.COMMAND, vote);
            });
            buttons.add(button);
            panel.add(button);
        }
        show(buttons, options, new int[options.size()]);
        panel.getAccessibleContext().setAccessibleName("Poll: " + question);
        new SwingWorker<int[], Void>() {
            @Override
            protected int[] doInBackground() {
                return Polls.tally(pollId, options.size(),
                        context.history(message.conversationType(), message.targetId(), Polls.COMMAND, Polls.HISTORY));
            }

            @Override
            protected void done() {
                try {
                    show(buttons, options, get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    context.logger().info(() -> "poll tallies could not be read: " + e.getCause());
                }
            }
        }.execute();
        return panel;
    }

    /** Button texts and accessible names with the current tallies. */
    static void show(List<JButton> buttons, List<String> options, int[] counts) {
        for (int i = 0; i < buttons.size(); i++) {
            String text = "Vote " + options.get(i) + ", " + counts[i] + (counts[i] == 1 ? " vote" : " votes");
            buttons.get(i).setText(text);
            buttons.get(i).getAccessibleContext().setAccessibleName(text);
        }
    }

    private static JLabel plainLabel(String text) {
        JLabel label = new JLabel();
        label.putClientProperty("html.disable", Boolean.TRUE);
        label.setText(text);
        return label;
    }
}
