package org.rongdesk.bridge;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What one parameter of a method must be (its JSON type and constraints), and the values that
 * break it: every value {@link #badValues} gives must be refused, naming {@link #field}.
 */
final class ParamRule {
    /** The JSON shape a parameter has, and the constraints checked on it. */
    enum Kind { TEXT, ID, CONVERSATION_TYPE, CONVERSATION_TYPES, ENUM, BOOLEAN, WHOLE, NUMBER, MESSAGE_ID, MESSAGE_IDS,
        USER_IDS, GROUPS, FILE, URL, CONTENT, TOKEN }

    /** A bad value and what it is, for the report. */
    record Bad(String what, JsonElement value, Set<Integer> codes) {
        Bad(String what, JsonElement value) {
            this(what, value, Set.of(-10002));
        }
    }

    /** 1 MiB of text, shared by every call that needs a huge string. */
    static final String HUGE = "x".repeat(1 << 20);
    private static final String[] CONTROLS = {"a\u0000b", "line\nbreak", "tab\tid", "\u007f", "\u001b[31m"};
    /** Characters XML 1.0 cannot carry: in a stanza they make the server drop the connection. */
    private static final String[] XML_UNSAFE = {"a\u0001b", "x\uFFFEy", "\uFFFF", "s\uD800t", "\uDC00", "bell\u0007",
        "\u001b[31m red"};

    final String field;
    final Kind kind;
    final boolean required;
    final JsonElement valid;
    private boolean allowEmpty;
    private long maxLength = -1;
    private double min;
    private double max;
    private List<String> enumValues = List.of();
    private final List<Bad> special = new ArrayList<>();

    private ParamRule(String field, Kind kind, boolean required, JsonElement valid) {
        this.field = field;
        this.kind = kind;
        this.required = required;
        this.valid = valid;
    }

    static ParamRule of(String field, Kind kind, boolean required, JsonElement valid) {
        return new ParamRule(field, kind, required, valid);
    }

    static ParamRule text(String field, boolean required, String valid, long maxLength) {
        ParamRule rule = new ParamRule(field, Kind.TEXT, required, new JsonPrimitive(valid));
        rule.maxLength = maxLength;
        return rule;
    }

    static ParamRule id(String field, String valid) {
        return new ParamRule(field, Kind.ID, true, new JsonPrimitive(valid));
    }

    static ParamRule whole(String field, boolean required, long valid, long min, long max) {
        ParamRule rule = new ParamRule(field, Kind.WHOLE, required, new JsonPrimitive(valid));
        rule.min = min;
        rule.max = max;
        return rule;
    }

    static ParamRule number(String field, double valid, double min, double max) {
        ParamRule rule = new ParamRule(field, Kind.NUMBER, true, new JsonPrimitive(valid));
        rule.min = min;
        rule.max = max;
        return rule;
    }

    static ParamRule oneOf(String field, String valid, String... values) {
        ParamRule rule = new ParamRule(field, Kind.ENUM, true, new JsonPrimitive(valid));
        rule.enumValues = List.of(values);
        return rule;
    }

    /** Numbers must lie within {@code [min, max]}. */
    ParamRule range(double min, double max) {
        this.min = min;
        this.max = max;
        return this;
    }

    /** The empty string is a valid value (a draft, an extra). */
    ParamRule emptyAllowed() {
        allowEmpty = true;
        return this;
    }

    /** One more bad value this parameter has beyond its kind's (a message of the wrong kind, SYSTEM for a send). */
    ParamRule alsoBad(String what, JsonElement value, Integer... codes) {
        special.add(codes.length == 0 ? new Bad(what, value) : new Bad(what, value, Set.of(codes)));
        return this;
    }

    /** Every bad value of this parameter; {@code random} varies the wrong-typed and out-of-range ones. */
    List<Bad> badValues(Random random, FuzzFixture fixture) {
        List<Bad> bad = new ArrayList<>();
        if (required) {
            bad.add(new Bad("missing", null));
            bad.add(new Bad("JSON null", JsonNull.INSTANCE));
        }
        bad.addAll(wrongTypes(random));
        switch (kind) {
            case TEXT -> {
                bad.add(new Bad("a character XML cannot carry", new JsonPrimitive(pick(random, XML_UNSAFE))));
                if (!allowEmpty) {
                    bad.add(new Bad("empty", new JsonPrimitive("")));
                }
                if (maxLength >= 0) {
                    bad.add(new Bad("one character too long", new JsonPrimitive("y".repeat((int) maxLength + 1))));
                    bad.add(new Bad("1 MiB", new JsonPrimitive(HUGE)));
                }
            }
            case ID -> idValues(bad, random);
            case TOKEN -> {
                bad.add(new Bad("empty", new JsonPrimitive("")));
                bad.add(new Bad("not a JWT", new JsonPrimitive(word(random)), Set.of(2004)));
                bad.add(new Bad("three empty parts", new JsonPrimitive(".."), Set.of(2004)));
                bad.add(new Bad("payload not base64", new JsonPrimitive("a.%%%.c"), Set.of(2004)));
                bad.add(new Bad("1 MiB", new JsonPrimitive(HUGE), Set.of(2004)));
                bad.add(new Bad("a character XML cannot carry", new JsonPrimitive("a.b" + pick(random, XML_UNSAFE) + ".c")));
                bad.add(new Bad("exp out of time's range", new JsonPrimitive(fixture.tokenExpiring(random.nextBoolean() ? "1e300"
                        : "-9.3e18")), Set.of(2004)));
            }
            case CONVERSATION_TYPE -> enumValues(bad, random, List.of("PRIVATE", "DISCUSSION", "GROUP", "CHATROOM"));
            case ENUM -> enumValues(bad, random, enumValues);
            case CONVERSATION_TYPES -> {
                bad.add(new Bad("unknown element", array(new JsonPrimitive("PRIVATE"), new JsonPrimitive(word(random)))));
                bad.add(new Bad("number element", array(new JsonPrimitive(random.nextInt(7)))));
                bad.add(new Bad("null element", array(JsonNull.INSTANCE)));
                bad.add(new Bad("nested array", array(array(new JsonPrimitive("PRIVATE")))));
                bad.add(new Bad("lower-case element", array(new JsonPrimitive("group"))));
            }
            case BOOLEAN -> {
                bad.add(new Bad("the string true", new JsonPrimitive("true")));
                bad.add(new Bad("1", new JsonPrimitive(1)));
            }
            case WHOLE, MESSAGE_ID -> wholeValues(bad, random);
            case NUMBER -> {
                bad.add(new Bad("below the range", new JsonPrimitive(min - 0.5 - random.nextInt(1000))));
                bad.add(new Bad("above the range", new JsonPrimitive(max + 0.5 + random.nextInt(1000))));
                bad.add(new Bad("1e400", new JsonPrimitive(new LazilyParsedNumber("1e400"))));
                bad.add(new Bad("-1e400", new JsonPrimitive(new LazilyParsedNumber("-1e400"))));
                bad.add(new Bad("a numeric string", new JsonPrimitive("12")));
                bad.add(new Bad("NaN string", new JsonPrimitive("NaN")));
            }
            case MESSAGE_IDS -> {
                bad.add(new Bad("an unknown id", array(new JsonPrimitive(fixture.unknownMessageId()))));
                bad.add(new Bad("a known and an unknown id", array(new JsonPrimitive(fixture.knownMessageId()),
                        new JsonPrimitive(fixture.unknownMessageId()))));
                bad.add(new Bad("id 0", array(new JsonPrimitive(0))));
                bad.add(new Bad("negative id", array(new JsonPrimitive(-1 - random.nextInt(1000)))));
                bad.add(new Bad("fractional id", array(new JsonPrimitive(fixture.knownMessageId() + 0.5))));
                bad.add(new Bad("string element", array(new JsonPrimitive(word(random)))));
                bad.add(new Bad("null element", array(JsonNull.INSTANCE)));
                bad.add(new Bad("object element", array(new JsonObject())));
            }
            case USER_IDS -> {
                bad.add(new Bad("empty element", array(new JsonPrimitive(""))));
                bad.add(new Bad("number element", array(new JsonPrimitive(random.nextInt()))));
                bad.add(new Bad("null element", array(JsonNull.INSTANCE)));
                bad.add(new Bad("too long element", array(new JsonPrimitive("u".repeat(257)))));
                bad.add(new Bad("control character element", array(new JsonPrimitive(pick(random, CONTROLS)))));
                bad.add(new Bad("element with a character XML cannot carry", array(new JsonPrimitive(pick(random, XML_UNSAFE)))));
                bad.add(new Bad("nested array", array(array(new JsonPrimitive("fuzzbob")))));
            }
            case GROUPS -> groupValues(bad, random);
            case FILE -> fixture.badPaths().forEach((what, path) -> {
                if (required || !path.isEmpty()) {
                    bad.add(new Bad(what, new JsonPrimitive(path)));
                }
            });
            case URL -> {
                bad.add(new Bad("javascript URL", new JsonPrimitive("javascript:alert(1)")));
                bad.add(new Bad("file URL", new JsonPrimitive("file:///etc/passwd")));
                bad.add(new Bad("not a URL", new JsonPrimitive("not a url " + word(random))));
                bad.add(new Bad("a character XML cannot carry", new JsonPrimitive("https://example.com/" + pick(random, XML_UNSAFE))));
                bad.add(new Bad("1 MiB", new JsonPrimitive("http://example.com/" + HUGE)));
            }
            case CONTENT -> {
                bad.add(new Bad("content without text", new JsonObject()));
                JsonObject wrong = new JsonObject();
                wrong.addProperty("text", random.nextInt());
                bad.add(new Bad("content with a number for text", wrong));
                JsonObject unsafe = new JsonObject();
                unsafe.addProperty("text", pick(random, XML_UNSAFE));
                bad.add(new Bad("content with a character XML cannot carry", unsafe));
                JsonObject huge = new JsonObject();
                huge.addProperty("text", HUGE);
                bad.add(new Bad("content with 1 MiB of text", huge));
            }
            default -> throw new IllegalStateException(kind.name());
        }
        bad.addAll(special);
        return bad;
    }

    private List<Bad> wrongTypes(Random random) {
        List<Bad> bad = new ArrayList<>();
        boolean stringKind = Set.of(Kind.TEXT, Kind.ID, Kind.CONVERSATION_TYPE, Kind.ENUM, Kind.FILE, Kind.URL, Kind.TOKEN)
                .contains(kind);
        boolean arrayKind = Set.of(Kind.CONVERSATION_TYPES, Kind.MESSAGE_IDS, Kind.USER_IDS, Kind.GROUPS).contains(kind);
        boolean numberKind = Set.of(Kind.WHOLE, Kind.NUMBER, Kind.MESSAGE_ID).contains(kind);
        if (!numberKind) {
            bad.add(new Bad("a number", new JsonPrimitive(random.nextInt(2000) - 1000)));
        }
        if (!stringKind && kind != Kind.WHOLE && kind != Kind.MESSAGE_ID && kind != Kind.NUMBER) {
            bad.add(new Bad("a string", new JsonPrimitive(word(random))));
        }
        if (kind != Kind.BOOLEAN) {
            bad.add(new Bad("a boolean", new JsonPrimitive(random.nextBoolean())));
        }
        if (!arrayKind) {
            bad.add(new Bad("an array", random.nextBoolean() ? new JsonArray() : array(valid)));
        }
        if (kind != Kind.CONTENT) {
            JsonObject object = new JsonObject();
            if (random.nextBoolean()) {
                object.add(field, valid);
            }
            bad.add(new Bad("an object", object));
        }
        return bad;
    }

    private void idValues(List<Bad> bad, Random random) {
        bad.add(new Bad("empty", new JsonPrimitive("")));
        bad.add(new Bad("257 characters", new JsonPrimitive("i".repeat(257))));
        bad.add(new Bad("1 MiB", new JsonPrimitive(HUGE)));
        bad.add(new Bad("a control character", new JsonPrimitive(pick(random, CONTROLS))));
        bad.add(new Bad("a character XML cannot carry", new JsonPrimitive("id" + pick(random, XML_UNSAFE))));
    }

    private void enumValues(List<Bad> bad, Random random, List<String> values) {
        String one = values.get(random.nextInt(values.size()));
        bad.add(new Bad("empty", new JsonPrimitive("")));
        bad.add(new Bad("lower case", new JsonPrimitive(one.toLowerCase(java.util.Locale.ROOT))));
        bad.add(new Bad("with a space", new JsonPrimitive(" " + one)));
        bad.add(new Bad("unknown", new JsonPrimitive("UNKNOWN_" + word(random))));
        bad.add(new Bad("1 MiB", new JsonPrimitive(HUGE)));
    }

    private void wholeValues(List<Bad> bad, Random random) {
        if (min > Long.MIN_VALUE) {
            bad.add(new Bad("below the minimum", new JsonPrimitive((long) min - 1 - random.nextInt(1000))));
        }
        if (max < Long.MAX_VALUE) {
            bad.add(new Bad("above the maximum", new JsonPrimitive((long) max + 1 + random.nextInt(1000))));
        }
        bad.add(new Bad("2^64", new JsonPrimitive(BigInteger.TWO.pow(64))));
        bad.add(new Bad("-1e30", new JsonPrimitive(new LazilyParsedNumber("-1e30"))));
        bad.add(new Bad("1e400", new JsonPrimitive(new LazilyParsedNumber("1e400"))));
        bad.add(new Bad("fractional", new JsonPrimitive(valid.getAsLong() + 0.25)));
        bad.add(new Bad("a fractional string", new JsonPrimitive(valid.getAsLong() + ".5")));
        bad.add(new Bad("NaN string", new JsonPrimitive("NaN")));
        bad.add(new Bad("Infinity string", new JsonPrimitive("Infinity")));
        bad.add(new Bad("a word", new JsonPrimitive(word(random))));
        bad.add(new Bad("empty string", new JsonPrimitive("")));
        bad.add(new Bad("hex string", new JsonPrimitive("0x1F")));
    }

    private void groupValues(List<Bad> bad, Random random) {
        bad.add(new Bad("number element", array(new JsonPrimitive(random.nextInt()))));
        bad.add(new Bad("string element", array(new JsonPrimitive("g1"))));
        bad.add(new Bad("empty object element", array(new JsonObject())));
        bad.add(new Bad("groupId a number", array(group(new JsonPrimitive(7), new JsonPrimitive("G")))));
        bad.add(new Bad("groupId empty", array(group(new JsonPrimitive(""), new JsonPrimitive("G")))));
        bad.add(new Bad("groupId 1 MiB", array(group(new JsonPrimitive(HUGE), new JsonPrimitive("G")))));
        bad.add(new Bad("groupId control character", array(group(new JsonPrimitive(pick(random, CONTROLS)),
                new JsonPrimitive("G")))));
        bad.add(new Bad("groupName missing", array(group(new JsonPrimitive("fuzz-g1"), null))));
        bad.add(new Bad("groupName an object", array(group(new JsonPrimitive("fuzz-g1"), new JsonObject()))));
        JsonObject portrait = group(new JsonPrimitive("fuzz-g1"), new JsonPrimitive("G"));
        portrait.addProperty("portraitUri", 5);
        bad.add(new Bad("portraitUri a number", array(portrait)));
        bad.add(new Bad("good then bad element", array(group(new JsonPrimitive("fuzz-g1"), new JsonPrimitive("G")),
                group(JsonNull.INSTANCE, new JsonPrimitive("G")))));
    }

    private static JsonObject group(JsonElement id, JsonElement name) {
        JsonObject group = new JsonObject();
        if (id != null) {
            group.add("groupId", id);
        }
        if (name != null) {
            group.add("groupName", name);
        }
        return group;
    }

    static JsonArray array(JsonElement... elements) {
        JsonArray array = new JsonArray();
        for (JsonElement element : elements) {
            array.add(element);
        }
        return array;
    }

    /** A short random word (never a valid enum value, id of a known thing, or JWT). */
    static String word(Random random) {
        StringBuilder word = new StringBuilder("w");
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
