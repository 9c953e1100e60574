package org.rongdesk.ui.app;

import com.google.gson.JsonObject;

/** Says a message content in one line of plain text (the content type's own summary). */
@FunctionalInterface
public interface Summaries {
    String summary(String objectName, JsonObject content);
}
