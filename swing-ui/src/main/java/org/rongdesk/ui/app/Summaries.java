package org.rongdesk.ui.app;

import com.google.gson.JsonObject;

/** Says a message content in one line of plain text (the content type's own summary). */
@FunctionalInterface
public interface Summaries {
    String summary(String objectName, JsonObject content);

    /** {@code ready} hears each summary that was not ready when asked for and is now (on the EDT). */
    default void addListener(Runnable ready) {
    }

    /** Runs {@code then} once {@code content}'s summary is ready: at once unless it is computed later. */
    default void whenReady(String objectName, JsonObject content, Runnable then) {
        then.run();
    }
}
