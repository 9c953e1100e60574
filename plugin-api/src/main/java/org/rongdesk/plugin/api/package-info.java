/**
 * The Rong Desk plugin API: what a plugin may add to the client, and the narrow view of the
 * client it gets in return. A plugin is a PF4J plugin jar that compiles against this module (in
 * {@code provided} scope: the client supplies it, with PF4J and Gson) and marks its extensions
 * with {@link org.pf4j.Extension @Extension}:
 *
 * <ul>
 *   <li>{@link org.rongdesk.plugin.api.MessageType} — a content type: its objectName, whether its
 *       messages are stored and counted as unread, how its content is checked, and its one-line
 *       plain-text summary (what lists and screen readers say);</li>
 *   <li>{@link org.rongdesk.plugin.api.CommandHandler} — handles received command messages
 *       ({@code RC:CmdNtf}) of one command name;</li>
 *   <li>{@link org.rongdesk.plugin.api.MessageView} — an optional Swing view of a content type.</li>
 * </ul>
 *
 * <p>Everything a plugin may do to the client goes through the
 * {@link org.rongdesk.plugin.api.PluginContext} it is handed: send messages, tell the user
 * something, ask the user a question, steer a kiosk display, read its own settings, read history,
 * log. A plugin sees only this package, PF4J, Gson and the JDK: the client's own classes are
 * hidden from it.
 *
 * <h2>Rules the client enforces</h2>
 * A plugin that fails to load, throws, or takes longer than a few seconds in any call is reported
 * (log, and a status the user can see) and, after repeated failures, no longer called; it never
 * stops the client or message receiving. Calls into a plugin come on the client's plugin thread,
 * never on the Swing event thread, except {@link org.rongdesk.plugin.api.MessageView#create},
 * which is called on the EDT and must only build components.
 */
package org.rongdesk.plugin.api;
