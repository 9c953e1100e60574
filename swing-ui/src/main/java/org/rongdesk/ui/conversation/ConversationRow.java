package org.rongdesk.ui.conversation;

import java.awt.BorderLayout;
import java.awt.Font;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JList;

import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.access.ListRow;
import org.rongdesk.ui.app.ConversationItem;
import org.rongdesk.ui.i18n.Texts;

/**
 * A conversation row: its title with its markers in words (never colour alone), then its draft
 * or latest message. Read as "Alice, 2 unread, pinned, muted: last message text".
 */
final class ConversationRow extends ListRow<ConversationItem> {
    private final Texts texts;
    private final JLabel title = A11y.plain(new JLabel());
    private final JLabel latest = A11y.plain(new JLabel());

    ConversationRow(Texts texts) {
        super(new BorderLayout());
        this.texts = texts;
        add(title, BorderLayout.NORTH);
        add(latest, BorderLayout.CENTER);
        setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
    }

    @Override
    public String spoken(ConversationItem item) {
        return head(item) + ": " + body(item);
    }

    @Override
    protected void show(JList<? extends ConversationItem> list, ConversationItem item, boolean selected, boolean focused) {
        styleLike(list, selected, title, latest);
        if (item.unread() > 0) {
            title.setFont(list.getFont().deriveFont(Font.BOLD));
        }
        title.setText(head(item));
        latest.setText(body(item));
    }

    /** "Alice, group, 2 unread, pinned, muted". */
    private String head(ConversationItem item) {
        StringBuilder head = new StringBuilder(item.title().isEmpty() ? item.targetId() : item.title());
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
        return item.latestSummary().isEmpty() ? texts.get("conversation.empty") : oneLine(item.latestSummary());
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }
}
