package org.rongdesk.ui.app;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.text.NumberFormat;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.rongdesk.ui.i18n.Texts;

/**
 * Says message contents in the UI's language: the kind of a message ("image", "voice message")
 * and its details. Types the client does not know itself (plugin types) are said by their own
 * summary.
 */
public final class MessageWords implements Summaries {
    public static final String TEXT = "RC:TxtMsg";
    public static final String IMAGE = "RC:ImgMsg";
    public static final String VOICE = "RC:VcMsg";
    public static final String LOCATION = "RC:LBSMsg";
    public static final String RICH = "RC:ImgTextMsg";
    public static final String COMMAND = "RC:CmdNtf";
    public static final String DISCUSSION_NOTICE = "RC:DizNtf";
    /** What a recalled message becomes. */
    public static final String RECALL = "RC:RcNtf";

    private final Texts texts;
    private final Summaries plugins;
    private final Supplier<String> self;
    private final UnaryOperator<String> names;

    /** Words from {@code texts}; {@code plugins} says the types that are not built in; no user is "you". */
    public MessageWords(Texts texts, Summaries plugins) {
        this(texts, plugins, () -> "");
    }

    /** As above; {@code self} is the signed-in user's id (a recall of theirs is said "You recalled a message"); people by their ids. */
    public MessageWords(Texts texts, Summaries plugins, Supplier<String> self) {
        this(texts, plugins, self, UnaryOperator.identity());
    }

    /** As above; {@code names} gives the name shown for a user id (senders, who recalled, who was added). */
    public MessageWords(Texts texts, Summaries plugins, Supplier<String> self, UnaryOperator<String> names) {
        this.texts = texts;
        this.plugins = plugins;
        this.self = self;
        this.names = names;
    }

    /** Whether the client says {@code objectName} itself (a plugin type is said by its plugin). */
    public static boolean builtIn(String objectName) {
        return switch (objectName) {
            case TEXT, IMAGE, VOICE, LOCATION, RICH, COMMAND, DISCUSSION_NOTICE, RECALL -> true;
            default -> false;
        };
    }

    /** {@code ready} hears each plugin summary that was computed later than asked for (rows say it now). */
    public void addSummaryListener(Runnable ready) {
        plugins.addListener(ready);
    }

    /** Runs {@code then} once {@code content} can be said in full: at once, but for a plugin type whose summary is computed. */
    public void whenSaid(String objectName, JsonObject content, Runnable then) {
        if (builtIn(objectName)) {
            then.run();
        } else {
            plugins.whenReady(objectName, content, then);
        }
    }

    /** The name shown for {@code userId} (the id itself until their name is known). */
    public String name(String userId) {
        return names.apply(userId);
    }

    /** "Image: a red bicycle" — the kind, then the details (a text message is just its text). */
    @Override
    public String summary(String objectName, JsonObject content) {
        String kind = kind(objectName);
        String details = details(objectName, content);
        return kind.isEmpty() ? details : details.isEmpty() ? kind : kind + ": " + details;
    }

    /** The kind in words ("image"); "" for text and for plugin types (their summary says it). */
    public String kind(String objectName) {
        return switch (objectName) {
            case IMAGE, VOICE, LOCATION, RICH, COMMAND, DISCUSSION_NOTICE -> texts.get("kind." + objectName);
            default -> "";
        };
    }

    /** The content in words, without the kind. */
    public String details(String objectName, JsonObject content) {
        return switch (objectName) {
            case TEXT -> string(content, "text");
            case IMAGE -> string(content, "extra").isEmpty() ? texts.get("image.noDescription") : string(content, "extra");
            case VOICE -> texts.get("voice.seconds", Math.round(number(content, "duration")));
            case LOCATION -> location(content);
            case RICH -> string(content, "description").isEmpty() ? string(content, "title")
                    : string(content, "title") + " — " + string(content, "description");
            case COMMAND -> string(content, "name");
            case DISCUSSION_NOTICE -> discussionNotice(content);
            case RECALL -> recall(string(content, "operatorId"));
            default -> plugins.summary(objectName, content);
        };
    }

    /** "You recalled a message" / "Bob recalled a message". */
    private String recall(String operatorId) {
        return !operatorId.isEmpty() && operatorId.equals(self.get()) ? texts.get("recall.you")
                : texts.get("recall.other", name(operatorId));
    }

    /** "Ann added Bob, Carol": who did it and, when members were added or removed, whom (the notice carries their ids). */
    private String discussionNotice(JsonObject content) {
        int type = (int) number(content, "type");
        String extension = string(content, "extension");
        String about = type == 1 || type == 4 ? Arrays.stream(extension.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                .map(this::name).collect(Collectors.joining(", ")) : extension;
        return texts.get("discussionNotice." + type, name(string(content, "operator")), about);
    }

    private String location(JsonObject content) {
        NumberFormat format = NumberFormat.getNumberInstance(texts.locale());
        format.setMaximumFractionDigits(6);
        String where = format.format(number(content, "latitude")) + ", " + format.format(number(content, "longitude"));
        String poi = string(content, "poi");
        return poi.isEmpty() ? where : poi + " (" + where + ")";
    }

    /** A content field as text, "" when absent. */
    public static String string(JsonObject content, String name) {
        JsonElement value = content == null ? null : content.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
    }

    /** A content field as a number, 0 when absent. */
    public static double number(JsonObject content, String name) {
        JsonElement value = content == null ? null : content.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() ? value.getAsDouble() : 0;
    }
}
