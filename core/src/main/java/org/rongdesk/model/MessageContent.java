package org.rongdesk.model;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A message's content JSON, held as the text the store read until someone asks for the tree: the
 * conversation list reads 10,000 latest messages and parsing each into a Gson tree was a third of
 * its time, while its JSON output needs a tree of its own anyway ({@link #copy()}).
 * Thread-safe; the tree is parsed at most once.
 */
public final class MessageContent {
    /** The JSON text as read; null when made from a tree (the tree is then the truth). */
    private final String text;
    private volatile JsonObject tree;

    private MessageContent(String text, JsonObject tree) {
        this.text = text;
        this.tree = tree;
    }

    /** Content that is already a tree. */
    public static MessageContent of(JsonObject tree) {
        return new MessageContent(null, tree);
    }

    /** Content read as JSON text (a JSON object, as the store wrote it), parsed on first use. */
    public static MessageContent parsedLater(String json) {
        return new MessageContent(json, null);
    }

    /** The tree: the same object every time, so copy it before changing it. */
    public JsonObject tree() {
        JsonObject parsed = tree;
        if (parsed == null) {
            synchronized (this) {
                parsed = tree;
                if (parsed == null) {
                    parsed = JsonParser.parseString(text).getAsJsonObject();
                    tree = parsed;
                }
            }
        }
        return parsed;
    }

    /** A tree of the caller's own, equal to {@link #tree()}: parsed from the text when no tree was made yet. */
    public JsonObject copy() {
        JsonObject parsed = tree;
        return parsed != null ? parsed.deepCopy() : JsonParser.parseString(text).getAsJsonObject();
    }

    /** The JSON text (of the tree as it is now, once one was handed out). */
    public String json() {
        JsonObject parsed = tree;
        return parsed != null ? parsed.toString() : text;
    }

    /** Equal when the trees are: as two {@link JsonObject}s compare. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MessageContent content && tree().equals(content.tree());
    }

    @Override
    public int hashCode() {
        return tree().hashCode();
    }

    @Override
    public String toString() {
        return json();
    }
}
