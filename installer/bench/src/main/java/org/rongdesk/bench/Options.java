package org.rongdesk.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Command-line options of the form {@code --name value}. */
final class Options {
    private final Map<String, String> values;

    /** A bad command line: its message says what is wrong. */
    static final class BadOption extends IllegalArgumentException {
        BadOption(String message) {
            super(message);
        }
    }

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new BadOption("expected --name value, got: " + args[i]);
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                values.put(args[i].substring(2), ""); // a flag: --cluster
                i--;
                continue;
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new Options(values);
    }

    /** Whether {@code --name} was given. */
    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The option as text, or {@code fallback}. */
    String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** The option as a positive integer (underscores allowed: 1_000_000), or {@code fallback}. */
    int intValue(String name, int fallback) {
        return positive(name, fallback, "a whole number", value -> Integer.parseInt(value.replace("_", "")));
    }

    /** The option as a positive number (decimals allowed: 0.5), or {@code fallback}. */
    double doubleValue(String name, double fallback) {
        return positive(name, fallback, "a number", Double::parseDouble);
    }

    private <T extends Number> T positive(String name, T fallback, String kind, Function<String, T> parse) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        T parsed;
        try {
            parsed = parse.apply(value);
        } catch (NumberFormatException e) {
            throw new BadOption("--" + name + " must be " + kind + ": " + value);
        }
        if (!(parsed.doubleValue() > 0) || Double.isInfinite(parsed.doubleValue())) {
            throw new BadOption("--" + name + " must be positive: " + value);
        }
        return parsed;
    }
}
