/** The user's preferences (theme, text size, announcements, sounds, language), kept in the data directory. */
package org.rongdesk.ui.settings;
