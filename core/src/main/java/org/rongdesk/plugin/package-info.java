/**
 * The plugin host: loads PF4J plugins from the installation's and the user's plugin directories,
 * hides the client's own classes from them, registers their content types beside the built-in
 * ones, routes received command messages to their handlers, and contains every failure: a plugin
 * that does not load, throws or hangs is reported and, after repeated failures, no longer called.
 */
package org.rongdesk.plugin;
