package org.rongdesk.ui.people;

import com.google.gson.JsonObject;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Someone as the client shows them: the name they chose (their id when none) on one line, and
 * where their picture is kept.
 *
 * @param userId      who
 * @param name        the name to show: one line of at most {@value #LONGEST} characters, never blank
 * @param portraitUri a {@code file:} URI of their picture kept here, or "" (another kind of address is never fetched)
 */
public record Person(String userId, String name, String portraitUri) {
    private static final Logger LOG = Logger.getLogger(Person.class.getName());
    /** The longest name shown, in characters, as the longest a Rong Desk user may choose. */
    static final int LONGEST = 64;

    public Person {
        name = oneLine(name, userId);
    }

    /** Someone of whom nothing is known yet: their id is their name. */
    public static Person unknown(String userId) {
        return new Person(userId, userId, "");
    }

    /** Reads a facade answer's {@code {userId, name, portraitUri}}. */
    public static Person from(JsonObject json) {
        String userId = json.get("userId").getAsString();
        return new Person(userId, json.has("name") ? json.get("name").getAsString() : userId,
                json.has("portraitUri") ? json.get("portraitUri").getAsString() : "");
    }

    /** The picture's file here, if they have one kept. */
    public Optional<Path> picture() {
        if (!portraitUri.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(URI.create(portraitUri)));
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            // a peer's profile is untrusted: a malformed address shows no picture rather than failing the row
            LOG.log(Level.FINE, "not a picture file: " + portraitUri, e);
            return Optional.empty();
        }
    }

    /**
     * {@code name} on one line (a peer could put line breaks and pages of text in theirs),
     * shortened to {@value #LONGEST} characters with "…"; {@code userId} when blank.
     */
    private static String oneLine(String name, String userId) {
        String line = name == null ? "" : name.replaceAll("\\s+", " ").strip();
        if (line.isEmpty()) {
            return userId;
        }
        return line.codePointCount(0, line.length()) <= LONGEST ? line
                : line.substring(0, line.offsetByCodePoints(0, LONGEST - 1)) + "…";
    }
}
