/**
 * What screen readers need beyond Swing's defaults: announcements, names for components that
 * have none, and list rows that read as one line.
 */
package org.rongdesk.ui.access;
