package org.rongdesk.ui.conversation;

import java.awt.BorderLayout;
import java.awt.Font;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;

import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.access.ListRow;
import org.rongdesk.ui.app.ConversationItem;
import org.rongdesk.ui.app.Summaries;
import org.rongdesk.ui.i18n.Texts;
import org.rongdesk.ui.people.AvatarSlot;
import org.rongdesk.ui.people.Avatars;
import org.rongdesk.ui.people.Names;

/**
 * A conversation row: the peer's picture (a private conversation), its name with its markers in
 * words (never colour alone), then its draft or latest message. Read as "Alice, 2 unread,
 * pinned, muted: last message text"; a private conversation is named as its peer calls themselves.
 * A row not read yet reads "Loading…".
 */
final class ConversationRow extends ListRow<ConversationItem> {
    private final Texts texts;
    private final Summaries summaries;
    private final Names names;
    private final AvatarSlot picture;
    private final JLabel title = A11y.plain(new JLabel());
    private final JLabel latest = A11y.plain(new JLabel());

    /** Rows whose latest message {@code summaries} says. */
    ConversationRow(Texts texts, Summaries summaries, Names names, Avatars avatars) {
        super(new BorderLayout(8, 0));
        this.texts = texts;
        this.summaries = summaries;
        this.names = names;
        this.picture = new AvatarSlot(avatars);
        JPanel words = new JPanel(new BorderLayout());
        words.setOpaque(false);
        words.add(title, BorderLayout.NORTH);
        words.add(latest, BorderLayout.CENTER);
        add(picture, BorderLayout.WEST);
        add(words, BorderLayout.CENTER);
        setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
    }

    @Override
    public String spoken(ConversationItem item) {
        return item.loading() ? texts.get("conversation.loading") : head(item) + ": " + body(item);
    }

    @Override
    protected void show(JList<? extends ConversationItem> list, ConversationItem item, boolean selected, boolean focused) {
        styleLike(list, selected, title, latest);
        if (item.unread() > 0) {
            title.setFont(list.getFont().deriveFont(Font.BOLD));
        }
        if (item.loading()) {
            title.setText(texts.get("conversation.loading"));
            // a space: the row keeps its two lines
            latest.setText(" ");
            picture.show(list, null);
            return;
        }
        title.setText(head(item));
        latest.setText(body(item));
        picture.show(list, "PRIVATE".equals(item.type()) ? item.targetId() : null);
    }

    /** The name the row shows for {@code item}. */
    private String name(ConversationItem item) {
        return names.conversationName(item.type(), item.targetId(), item.title());
    }

    /** "Alice, group, 2 unread, pinned, muted". */
    private String head(ConversationItem item) {
        StringBuilder head = new StringBuilder(name(item));
        if (!"PRIVATE".equals(item.type())) {
            head.append(", ").append(texts.get("conversationType." + item.type()));
        }
        if (item.unread() > 0) {
            head.append(", ").append(texts.get("conversation.unread", item.unread()));
        }
        if (item.pinned()) {
            head.append(", ").append(texts.get("conversation.pinned"));
        }
        if (item.muted()) {
            head.append(", ").append(texts.get("conversation.muted"));
        }
        return head.toString();
    }

    private String body(ConversationItem item) {
        if (!item.draft().isEmpty()) {
            return texts.get("conversation.draft", oneLine(item.draft()));
        }
        String summary = item.latestSummary(summaries);
        return summary.isEmpty() ? texts.get("conversation.empty") : oneLine(summary);
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }
}
