package org.rongdesk.plugin;

/**
 * How a plugin is doing, for the user and the log.
 *
 * @param id      its id
 * @param version its version
 * @param state   STARTED, DISABLED, FAILED (did not load or start), FAILING (stopped being called
 *                after repeated errors) …
 * @param path    where it was loaded from
 * @param problem what went wrong, or ""
 */
public record PluginStatus(String id, String version, String state, String path, String problem) {
}
