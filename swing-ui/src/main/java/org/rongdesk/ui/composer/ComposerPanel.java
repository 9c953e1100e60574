package org.rongdesk.ui.composer;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.KeyboardFocusManager;
import java.util.List;
import java.util.Optional;

import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.DefaultEditorKit;

import org.rongdesk.api.RongCloud;
import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.app.ConversationRef;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.Keys;
import org.rongdesk.ui.app.UiContext;

/**
 * Where messages are written: Enter sends, Shift+Enter starts a new line, Esc goes back to the
 * history, Tab leaves (it never inserts a tab). Each conversation keeps its unsent text as a
 * draft, saved when another conversation is opened or the window closes. While the user writes
 * to a private conversation, its peer is told they are typing.
 */
public final class ComposerPanel extends JPanel {
    private final UiContext ui;
    private final JTextArea text = A11y.plain(new JTextArea(3, 40));
    private final JLabel label;
    private final JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEADING, 4, 0));
    private final TypingSender typing;
    private ConversationRef conversation;
    private int generation;
    /** True while the panel itself sets the text (a draft, a sent message cleared): that is not typing. */
    private boolean replacing;
    private Runnable escape = () -> { };

    public ComposerPanel(UiContext ui) {
        super(new BorderLayout(0, 4));
        this.ui = ui;
        this.typing = new TypingSender(ui.client());
        text.setName("composer");
        text.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                typed();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                typed();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                // attributes only: nothing was typed
            }
        });
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        text.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        Keys.bind(text, "composer.send", this::send);
        Keys.bind(text, "composer.newLine", () -> text.getActionMap().get(DefaultEditorKit.insertBreakAction)
                .actionPerformed(new java.awt.event.ActionEvent(text, 0, "")));
        Keys.bind(text, "composer.leave", () -> escape.run());
        label = ui.texts().label("composer.label", text);
        A11y.plain(label);
        JButton send = ui.texts().button(new JButton(), "composer.send");
        send.addActionListener(e -> send());
        buttons.add(send);
        add(label, BorderLayout.NORTH);
        add(new JScrollPane(text), BorderLayout.CENTER);
        add(buttons, BorderLayout.SOUTH);
        setEnabled(false);
        showLabel();
    }

    /** The text area (the region's focus target). */
    public JTextArea text() {
        return text;
    }

    /**
     * Adds an "Attach" button beside Send that opens a menu of {@code actions} (one Tab stop for
     * all of them, and no row of buttons to overflow at large text sizes).
     */
    public void addAttachMenu(List<Action> actions) {
        JPopupMenu menu = new JPopupMenu();
        actions.forEach(menu::add);
        JButton attach = ui.texts().button(new JButton(), "composer.attach");
        attach.addActionListener(e -> menu.show(attach, 0, attach.getHeight()));
        Keys.bind(attach, "attach.menu", attach::doClick);
        buttons.add(attach);
    }

    /** What Esc does (move to the history). */
    public void onEscape(Runnable escape) {
        this.escape = escape;
    }

    /** The conversation written to. */
    public Optional<ConversationRef> conversation() {
        return Optional.ofNullable(conversation);
    }

    /** Keeps the current draft and switches to {@code ref}, showing its draft. */
    public void open(ConversationRef ref) {
        saveDraft();
        conversation = ref;
        int asked = ++generation;
        replaceText("");
        setEnabled(true);
        showLabel();
        ui.client().call(RongCloud::getTextMessageDraft, Json.conversation(ref.type(), ref.targetId()), ret -> {
            String draft = ret.has("result") && ret.get("result").isJsonPrimitive() ? ret.get("result").getAsString() : "";
            if (asked == generation && text.getText().isEmpty() && !draft.isEmpty()) {
                replaceText(draft);
                text.setCaretPosition(text.getDocument().getLength());
            }
        });
    }

    /** Shows the same conversation under a new name. */
    public void rename(ConversationRef ref) {
        if (conversation != null && conversation.type().equals(ref.type()) && conversation.targetId().equals(ref.targetId())) {
            conversation = ref;
            showLabel();
        }
    }

    /** Keeps the unsent text of the open conversation as its draft (or clears the draft). */
    public void saveDraft() {
        if (conversation == null) {
            return;
        }
        String draft = text.getText();
        ConversationRef ref = conversation;
        if (draft.isBlank()) {
            ui.client().call(RongCloud::clearTextMessageDraft, Json.conversation(ref.type(), ref.targetId()),
                    ret -> ui.client().fireConversationChanged(ref.type(), ref.targetId()));
        } else {
            ui.client().call(RongCloud::saveTextMessageDraft, Json.of("conversationType", ref.type(),
                    "targetId", ref.targetId(), "content", draft), ret -> ui.client().fireConversationChanged(ref.type(), ref.targetId()));
        }
    }

    /** Writes to nothing (the conversation went away). */
    public void close() {
        conversation = null;
        generation++;
        replaceText("");
        setEnabled(false);
        showLabel();
    }

    @Override
    public void setEnabled(boolean enabled) {
        super.setEnabled(enabled);
        text.setEditable(enabled);
    }

    private void send() {
        String message = text.getText();
        if (conversation == null) {
            ui.announcer().announce(ui.texts().get("composer.noConversation"));
            return;
        }
        if (message.isBlank()) {
            ui.announcer().announce(ui.texts().get("composer.empty"));
            return;
        }
        ui.client().send(RongCloud::sendTextMessage, Json.of("conversationType", conversation.type(),
                "targetId", conversation.targetId(), "text", message));
        replaceText("");
        ui.client().call(RongCloud::clearTextMessageDraft, Json.conversation(conversation.type(), conversation.targetId()),
                ret -> { });
    }

    private void replaceText(String value) {
        replacing = true;
        try {
            text.setText(value);
        } finally {
            replacing = false;
        }
    }

    private void typed() {
        if (!replacing && conversation != null) {
            typing.typed(conversation);
        }
    }

    private void showLabel() {
        String words = conversation == null ? ui.texts().get("composer.none") : ui.texts().get("composer.to", conversation.name());
        label.setText(words);
        A11y.named(text, words);
    }
}
