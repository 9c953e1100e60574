package org.rongdesk.ui.dialog;

import java.awt.Window;

import org.rongdesk.ui.app.UiContext;

/** Help → About: the program, its version, the signed-in user and where their data lives. */
public final class AboutDialog {
    private AboutDialog() {
    }

    public static void show(Window owner, UiContext ui) {
        InfoDialog dialog = new InfoDialog(owner, ui, ui.texts().get("action.about"));
        String version = AboutDialog.class.getPackage().getImplementationVersion();
        dialog.line("about.program", "Rong Desk " + (version == null ? "" : version));
        dialog.line("about.user", ui.client().userId());
        dialog.line("about.data", ui.client().rong().dataDir().toAbsolutePath().toString());
        dialog.line("about.java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        dialog.open();
    }
}
