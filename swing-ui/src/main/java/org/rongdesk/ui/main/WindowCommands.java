package org.rongdesk.ui.main;

/** What the main window's menus ask of the program around it. */
public interface WindowCommands {
    /** Opens the settings dialog. */
    void settings();

    /** Applies the view settings changed from the View menu (theme, text size), and saves them. */
    void viewChanged();

    /** Saves what is unsent, signs out and ends the program. */
    void quit();
}
