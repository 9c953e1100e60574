/** The main window: regions, menus, status line, title, and the program's entry point. */
package org.rongdesk.ui.main;
