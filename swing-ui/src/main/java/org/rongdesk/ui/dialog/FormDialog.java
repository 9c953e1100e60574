package org.rongdesk.ui.dialog;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.text.ParseException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.JRootPane;

import org.rongdesk.ui.access.QuietRootPane;
import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.app.Keys;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.i18n.Texts;

/**
 * A modal form: labelled fields in a column, an error line, OK and Cancel. Enter presses OK
 * (except in a multi-line field, unless {@linkplain #enterAccepts made to}), Esc cancels, the
 * first field has the focus, and a failed check keeps the dialog open, says what is wrong and
 * moves the focus back to the form. A form whose OK asks the client first ({@link #setSubmit})
 * stays open until the answer, and shows a refusal the same way, with the focus on the field at fault.
 */
public class FormDialog extends JDialog {
    /** Layers a screen reader passes over ({@link QuietRootPane}). */
    @Override
    protected JRootPane createRootPane() {
        return QuietRootPane.create();
    }

    /** How a {@linkplain #setSubmit submission} ends; call on the EDT. */
    public interface Outcome {
        /** It went through: the form closes, accepted. */
        void done();

        /** It was refused: the form stays open, says {@code problem} and puts the focus on {@code field} (null: where it is). */
        void failed(String problem, JComponent field);
    }

    private final Texts texts;
    private final UiContext ui;
    private final FormGrid form = new FormGrid();
    private final JLabel error = A11y.plain(new JLabel(" "));
    private final JButton ok;
    private JComponent first;
    private boolean accepted;
    private Supplier<String> check = () -> null;
    private Consumer<Outcome> submit;

    public FormDialog(Window owner, UiContext ui, String title) {
        super(owner, title, ModalityType.APPLICATION_MODAL);
        this.ui = ui;
        this.texts = ui.texts();
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        ok = texts.button(new JButton(), "dialog.ok");
        ok.addActionListener(e -> accept());
        JButton cancel = texts.button(new JButton(), "dialog.cancel");
        cancel.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING));
        buttons.add(ok);
        buttons.add(cancel);
        JPanel south = new JPanel(new BorderLayout());
        error.setBorder(BorderFactory.createEmptyBorder(0, 12, 0, 12));
        south.add(error, BorderLayout.NORTH);
        south.add(buttons, BorderLayout.SOUTH);
        getContentPane().add(form.panel(), BorderLayout.CENTER);
        getContentPane().add(south, BorderLayout.SOUTH);
        getRootPane().setDefaultButton(ok);
        Dialogs.closeOnEscape(this);
    }

    /** Adds {@code component} under the label {@code labelKey} (its mnemonic focuses the field). */
    public <C extends JComponent> C field(String labelKey, C component) {
        if (component instanceof JSpinner spinner && spinner.getEditor() instanceof JSpinner.DefaultEditor editor) {
            // a spinner's field keeps Enter to itself: here Enter takes the typed number and presses OK
            Keys.bind(editor.getTextField(), "form.accept", () -> {
                try {
                    spinner.commitEdit();
                } catch (ParseException e) {
                    editor.getTextField().setValue(spinner.getValue());
                }
                accept();
            });
        }
        JLabel label = texts.label(labelKey, component);
        JComponent shown = component;
        if (component instanceof JTextArea area) {
            area.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
            area.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
            area.setLineWrap(true);
            area.setWrapStyleWord(true);
            if (area.getRows() == 0) {
                area.setRows(4);
            }
            shown = new JScrollPane(area);
        }
        form.row(label, shown);
        if (first == null) {
            first = component;
        }
        return component;
    }

    /**
     * Makes Enter in {@code area} (a field of this form) press OK and Shift+Enter start a new
     * line, as the composer writes a message; other multi-line fields keep Enter for new lines.
     */
    public void enterAccepts(JTextArea area) {
        Keys.bind(area, "form.accept", this::accept);
        Keys.bind(area, "form.newLine", () -> area.replaceSelection("\n"));
    }

    /** Adds a line of explanation (plain text) across the form. */
    public void note(String text) {
        row(Dialogs.wrapped(text));
    }

    /** Adds a component across the form, without a label (a button, a check box). */
    public <C extends JComponent> C row(C component) {
        form.wide(component, true);
        if (first == null && component.isFocusable()) {
            first = component;
        }
        return component;
    }

    /** The check OK runs: null when the form is fine, else what is wrong (said to the user). */
    public void setCheck(Supplier<String> check) {
        this.check = check;
    }

    /**
     * What OK does once the check passed, instead of closing at once: {@code submit} starts the
     * work (a facade call) and ends it through the {@link Outcome} it is given. OK is disabled
     * meanwhile, so Enter pressed twice submits once.
     */
    public void setSubmit(Consumer<Outcome> submit) {
        this.submit = submit;
    }

    /** The OK button, to rename it ("Send", "Join"). */
    public JButton okButton() {
        return ok;
    }

    /** Shows the dialog and waits; true when the user pressed OK and the check passed. */
    public boolean ask() {
        pack();
        setMinimumSize(getPreferredSize());
        setLocationRelativeTo(getOwner());
        if (first != null) {
            SwingUtilities.invokeLater(first::requestFocusInWindow);
        }
        Dialogs.modal(this);
        return accepted;
    }

    private void accept() {
        if (!ok.isEnabled()) {
            return;
        }
        String problem = check.get();
        if (problem != null) {
            fail(problem, null);
            return;
        }
        if (submit == null) {
            close();
            return;
        }
        ok.setEnabled(false);
        submit.accept(new Outcome() {
            @Override
            public void done() {
                close();
            }

            @Override
            public void failed(String refusal, JComponent field) {
                ok.setEnabled(true);
                fail(refusal, field);
            }
        });
    }

    private void close() {
        accepted = true;
        dispose();
    }

    /** Shows and says {@code problem}, the focus moved to {@code field} first (when not null). */
    private void fail(String problem, JComponent field) {
        error.setText(texts.get("dialog.error", problem));
        pack();
        if (field == null) {
            ui.announcer().announce(error.getText());
            return;
        }
        field.requestFocusInWindow();
        // once the field has the focus: the announcer speaks through the focused component
        String line = error.getText();
        SwingUtilities.invokeLater(() -> ui.announcer().announce(line));
    }
}
