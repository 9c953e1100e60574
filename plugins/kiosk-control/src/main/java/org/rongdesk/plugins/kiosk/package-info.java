/**
 * Kiosk control: administrators send {@code kiosk} commands (data
 * {@code {"action": "banner" | "theme" | "fontScale" | "reloadRoom", "value": ...}}) to a
 * kiosk; the plugin checks the sender against the {@code admins} setting and hands the request
 * to the display. Commands from anyone else are ignored.
 */
package org.rongdesk.plugins.kiosk;
