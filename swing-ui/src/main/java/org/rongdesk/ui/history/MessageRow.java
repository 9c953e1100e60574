package org.rongdesk.ui.history;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Insets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;

import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTextArea;
import javax.swing.UIManager;

import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.access.ListRow;
import org.rongdesk.ui.app.MessageItem;
import org.rongdesk.ui.app.MessageWords;
import org.rongdesk.ui.i18n.Texts;
import org.rongdesk.ui.media.Thumbnails;

/**
 * A message row: who and when (and its state, in words), then the content wrapped to the
 * list's width, with the thumbnail of an image; the sender as they call themselves. Read as "Alice, 10:32, image: a red bicycle",
 * "You, 10:33, read: see you" or "Alice, 10:34: Alice recalled a message";
 * a row of found messages names the conversation too ("Alice, in Team, 10:32: lunch?").
 * Its size is measured once per message and what it shows ({@link RowHeights}).
 */
public final class MessageRow extends ListRow<MessageItem> {
    static final int THUMBNAIL = 96;

    private final Texts texts;
    private final MessageWords words;
    /** Null: no pictures. */
    private final Thumbnails thumbnails;
    /** The name of a message's conversation; null where the list is one conversation's. */
    private final Function<MessageItem, String> conversationName;
    private final JLabel header = A11y.plain(new JLabel());
    private final JLabel picture = new JLabel();
    private final JTextArea body = A11y.plain(new JTextArea());
    private final DateTimeFormatter time;
    private final DateTimeFormatter dateTime;
    private final RowHeights heights = new RowHeights();
    /** What the row shows now, and where (its size is kept for these). */
    private RowHeights.Shown shown;
    private Object surroundings;

    MessageRow(Texts texts, MessageWords words, Thumbnails thumbnails) {
        this(texts, words, thumbnails, null);
    }

    private MessageRow(Texts texts, MessageWords words, Thumbnails thumbnails, Function<MessageItem, String> conversationName) {
        super(new BorderLayout(8, 2));
        this.texts = texts;
        this.words = words;
        this.thumbnails = thumbnails;
        this.conversationName = conversationName;
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(texts.locale());
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(texts.locale());
        body.setLineWrap(true);
        body.setWrapStyleWord(true);
        body.setEditable(false);
        body.setOpaque(false);
        body.setMargin(new Insets(0, 0, 0, 0));
        add(header, BorderLayout.NORTH);
        add(picture, BorderLayout.WEST);
        add(body, BorderLayout.CENTER);
        setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
    }

    /**
     * A row of messages from any conversation, each named by {@code conversationName}; without
     * thumbnails (a search finds what messages say, never an image).
     */
    public static MessageRow found(Texts texts, MessageWords words, Function<MessageItem, String> conversationName) {
        return new MessageRow(texts, words, null, conversationName);
    }

    @Override
    public String spoken(MessageItem message) {
        StringBuilder line = new StringBuilder(head(message));
        String kind = words.kind(message.objectName());
        if (!kind.isEmpty()) {
            line.append(", ").append(kind);
        }
        line.append(": ").append(words.details(message.objectName(), message.content()));
        return line.toString();
    }

    @Override
    protected void show(JList<? extends MessageItem> list, MessageItem message, boolean selected, boolean focused) {
        styleLike(list, selected, header, body);
        header.setFont(list.getFont().deriveFont(Font.BOLD));
        header.setText(head(message));
        String kind = words.kind(message.objectName());
        String details = words.details(message.objectName(), message.content());
        body.setText(kind.isEmpty() ? details : kind + ": " + details);
        ImageIcon icon = thumbnails != null && MessageWords.IMAGE.equals(message.objectName())
                ? thumbnails.get(message.text("thumbPath"), scaled(list, THUMBNAIL)) : null;
        picture.setIcon(icon);
        picture.setVisible(icon != null);
        int width = list.getWidth() > 0 ? list.getWidth() : 480;
        Insets insets = getInsets();
        int textWidth = width - insets.left - insets.right - (icon != null ? icon.getIconWidth() + 8 : 0);
        body.setSize(Math.max(80, textWidth), Short.MAX_VALUE);
        shown = new RowHeights.Shown(message.id(), header.getText(), body.getText(), icon == null ? -1 : icon.getIconHeight());
        surroundings = List.of(width, list.getFont(), UIManager.getLookAndFeel().getID(), UIManager.getLookAndFeel().getName());
    }

    @Override
    public Dimension getPreferredSize() {
        if (shown == null) {
            return super.getPreferredSize();
        }
        return heights.of(shown, surroundings, super::getPreferredSize);
    }

    /** Rows measured so far. */
    int measured() {
        return heights.measured();
    }

    /**
     * "You, 10:32, read" / "Alice, yesterday 10:32, edited" / "Alice, in Team, 10:32": the state
     * of the user's own messages in words (sending, sent, not sent, read), except a recalled one
     * (its text says it), and "edited" for a corrected one.
     */
    private String head(MessageItem message) {
        StringBuilder head = new StringBuilder(message.sent() ? texts.get("history.you") : words.name(message.senderUserId()));
        if (conversationName != null) {
            head.append(", ").append(texts.get("history.in", conversationName.apply(message)));
        }
        head.append(", ").append(when(message.sentTime()));
        if (message.sent() && !message.recalled()) {
            head.append(", ").append(texts.get("sentStatus." + message.sentStatus()));
        }
        if (message.edited()) {
            head.append(", ").append(texts.get("history.edited"));
        }
        return head.toString();
    }

    private String when(long millis) {
        ZonedDateTime at = Instant.ofEpochMilli(millis).atZone(ZoneId.systemDefault());
        return at.toLocalDate().equals(LocalDate.now()) ? time.format(at) : dateTime.format(at);
    }

    private static int scaled(JList<?> list, int size) {
        return Math.round(size * list.getFont().getSize2D() / 13f);
    }
}
