/**
 * Looks: FlatLaf light, dark and high-contrast themes with the app's own defaults (in the
 * {@code FlatLightLaf.properties} / {@code FlatDarkLaf.properties} of this package) raising
 * text and focus-ring contrast to WCAG levels, and the text size.
 */
package org.rongdesk.ui.theme;
