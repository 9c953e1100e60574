package org.rongdesk.plugin.api;

import javax.swing.JComponent;

import org.pf4j.ExtensionPoint;

/**
 * An optional Swing view of a content type, shown in the message history instead of the
 * summary. Called on the EDT: build components only, never touch the network or disk here (use
 * {@link PluginContext} methods, which queue their work). The view must be usable from the
 * keyboard and named for screen readers; its accessible name defaults to the type's summary.
 */
public interface MessageView extends ExtensionPoint {
    /** The objectName this view shows. */
    String objectName();

    /** A new view of {@code message}. */
    JComponent create(PluginMessage message, PluginContext context);
}
