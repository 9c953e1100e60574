package org.rongdesk.ui.dialog;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.filechooser.FileFilter;
import javax.swing.filechooser.FileNameExtensionFilter;

import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.app.Keys;
import org.rongdesk.ui.i18n.Texts;

/** Small dialog helpers that keep untrusted text plain. */
public final class Dialogs {
    private Dialogs() {
    }

    /** Esc ({@code dialog.close} in the keymap) closes {@code dialog}. */
    public static void closeOnEscape(JDialog dialog) {
        Keys.bind(dialog.getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, "dialog.close", dialog::dispose);
    }

    /** Text shown as plain, wrapped, read-only lines (a JOptionPane would render a string starting with {@code <html>}). */
    public static JTextArea wrapped(String text) {
        JTextArea area = A11y.plain(new JTextArea(text));
        area.setEditable(false);
        area.setLineWrap(true);
        area.setWrapStyleWord(true);
        area.setFocusable(false);
        area.setOpaque(false);
        area.setFont(UIManager.getFont("Label.font"));
        area.setColumns(Math.min(40, Math.max(10, text.length())));
        A11y.named(area, text);
        return area;
    }

    /** Asks a yes/no question; true for yes. */
    public static boolean confirm(Component parent, String title, String question) {
        Window owner = parent instanceof Window window ? window : parent == null ? null : SwingUtilities.getWindowAncestor(parent);
        return modal(owner, () -> JOptionPane.showConfirmDialog(parent, wrapped(question), title, JOptionPane.YES_NO_OPTION,
                JOptionPane.QUESTION_MESSAGE)) == JOptionPane.YES_OPTION;
    }

    /**
     * Shows a modal dialog over {@code owner} ({@code show} returns when it closes), then, if the
     * focus went nowhere (as without a window manager, or with some), gives it back to where it
     * last was in {@code owner}, so a keyboard user continues where they were. (The character of
     * the key that opened it is kept out by {@link org.rongdesk.ui.access.OpeningKeys}.)
     */
    public static <T> T modal(Window owner, Supplier<T> show) {
        T result = show.get();
        if (owner != null) {
            SwingUtilities.invokeLater(() -> {
                if (owner.isShowing() && KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner() == null) {
                    Component last = owner.getMostRecentFocusOwner();
                    (last != null ? last : owner).requestFocus();
                }
            });
        }
        return result;
    }

    /** {@link #modal(Window, Supplier)} for a dialog of its own. */
    public static void modal(JDialog dialog) {
        modal(dialog.getOwner(), () -> {
            dialog.setVisible(true);
            return null;
        });
    }

    /**
     * Asks for a file to open with Swing's own chooser over {@code owner}, titled {@code title}
     * (null: the chooser's own), offering {@code filter}'s kinds (null: any file); its absolute
     * path, if one was chosen.
     */
    public static Optional<Path> chooseFile(Window owner, String title, FileFilter filter) {
        JFileChooser chooser = new JFileChooser();
        if (title != null) {
            chooser.setDialogTitle(title);
        }
        if (filter != null) {
            chooser.setFileFilter(filter);
        }
        return modal(owner, () -> chooser.showOpenDialog(owner)) == JFileChooser.APPROVE_OPTION
                ? Optional.of(chooser.getSelectedFile().toPath().toAbsolutePath()) : Optional.empty();
    }

    /** The picture files the client reads (PNG, JPEG, GIF, BMP), named in the UI's words. */
    public static FileFilter imageFiles(Texts texts) {
        return new FileNameExtensionFilter(texts.get("attach.images"), "png", "jpg", "jpeg", "gif", "bmp");
    }
}
