package org.rongdesk.plugin.api;

import org.pf4j.ExtensionPoint;

/**
 * Handles received command messages ({@code RC:CmdNtf}) with one name. The client calls
 * {@link #handle} once per command, on its plugin thread, after the command is stored; a handler
 * that throws or takes longer than a few seconds is reported, and receiving goes on regardless.
 */
public interface CommandHandler extends ExtensionPoint {
    /** The command name this handler takes, e.g. {@code AddFriend}. */
    String commandName();

    /** Acts on one command. */
    void handle(Command command, PluginContext context) throws Exception;
}
