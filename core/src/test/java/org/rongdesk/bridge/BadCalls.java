package org.rongdesk.bridge;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.rongdesk.base.XmlChars;

/**
 * Seeded generator of calls that must be refused: every bad value of every parameter of every
 * method (with random unknown fields thrown in), whole params of the wrong shape, and random
 * calls with several parameters broken at once.
 */
final class BadCalls {
    /**
     * One call and what must answer it: an error with one of {@code codes} whose message names
     * one of {@code fields}.
     */
    record BadCall(String method, JsonElement params, List<String> fields, Set<Integer> codes, String what) {
        @Override
        public String toString() {
            // escaped, so that a report (surefire's XML) can hold it
            String shown = params == null ? "(no params)" : XmlChars.escapeInJson(params.toString());
            return method + " with " + what + ": " + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown);
        }
    }

    private final Random random;
    private final Map<String, List<ParamRule>> rules;
    private final FuzzFixture fixture;

    BadCalls(long seed, FuzzFixture fixture) {
        this.random = new Random(seed);
        this.fixture = fixture;
        this.rules = MethodRules.all(fixture);
    }

    /** Methods covered. */
    Set<String> methods() {
        return rules.keySet();
    }

    /** Each bad value of each parameter once, the other parameters valid. */
    List<BadCall> everyBadValue() {
        List<BadCall> calls = new ArrayList<>();
        rules.forEach((method, methodRules) -> {
            JsonObject valid = MethodRules.valid(methodRules);
            for (ParamRule rule : methodRules) {
                for (ParamRule.Bad bad : rule.badValues(random, fixture)) {
                    JsonObject params = valid.deepCopy();
                    set(params, rule.field, bad.value());
                    if (random.nextBoolean()) {
                        addUnknownFields(params);
                    }
                    calls.add(new BadCall(method, params, List.of(rule.field), bad.codes(), rule.field + " " + bad.what()));
                }
            }
        });
        return calls;
    }

    /** {@code count} random calls with one to three parameters broken at once. */
    List<BadCall> randomCombinations(int count) {
        List<String> methods = new ArrayList<>(rules.keySet());
        List<BadCall> calls = new ArrayList<>();
        while (calls.size() < count) {
            String method = methods.get(random.nextInt(methods.size()));
            List<ParamRule> methodRules = rules.get(method);
            JsonObject params = MethodRules.valid(methodRules);
            List<String> broken = new ArrayList<>();
            Set<Integer> codes = new java.util.HashSet<>();
            StringBuilder what = new StringBuilder();
            int breaks = 1 + random.nextInt(Math.min(3, methodRules.size()));
            for (int i = 0; i < breaks; i++) {
                ParamRule rule = methodRules.get(random.nextInt(methodRules.size()));
                List<ParamRule.Bad> bads = rule.badValues(random, fixture);
                if (bads.isEmpty() || broken.contains(rule.field)) {
                    continue;
                }
                ParamRule.Bad bad = bads.get(random.nextInt(bads.size()));
                set(params, rule.field, bad.value());
                broken.add(rule.field);
                codes.addAll(bad.codes());
                what.append(what.length() == 0 ? "" : ", ").append(rule.field).append(' ').append(bad.what());
            }
            if (broken.isEmpty()) {
                continue;
            }
            addUnknownFields(params);
            calls.add(new BadCall(method, params, broken, Set.copyOf(codes), what.toString()));
        }
        return calls;
    }

    /**
     * Params that are not an object at all, for the bridge (the facade's types rule them out),
     * and no params where a method needs some.
     */
    List<BadCall> wrongParamsShapes() {
        List<BadCall> calls = new ArrayList<>();
        List<JsonElement> shapes = List.of(new JsonPrimitive(random.nextInt()), new JsonPrimitive(ParamRule.word(random)),
                new JsonArray(), ParamRule.array(new JsonObject()));
        rules.forEach((method, methodRules) -> {
            for (JsonElement shape : shapes) {
                calls.add(new BadCall(method, shape, List.of("params"), Set.of(-10002), "params " + shape));
            }
            if (!method.equals("disconnect")) {
                calls.add(new BadCall(method, null, fields(methodRules), Set.of(-10002), "no params"));
            }
        });
        return calls;
    }

    /** Valid params plus unknown fields for the read-only methods: these must succeed. */
    List<BadCall> validReadsWithUnknownFields() {
        List<BadCall> calls = new ArrayList<>();
        for (String method : MethodRules.READS) {
            JsonObject params = MethodRules.valid(rules.get(method));
            addUnknownFields(params);
            calls.add(new BadCall(method, params, List.of(), Set.of(), "unknown extra fields"));
        }
        return calls;
    }

    private List<String> fields(List<ParamRule> methodRules) {
        return methodRules.stream().filter(rule -> rule.required).map(rule -> rule.field).toList();
    }

    private void addUnknownFields(JsonObject params) {
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            JsonElement value = switch (random.nextInt(5)) {
                case 0 -> new JsonPrimitive(random.nextLong());
                case 1 -> new JsonPrimitive(ParamRule.word(random));
                case 2 -> JsonNull.INSTANCE;
                case 3 -> ParamRule.array(new JsonPrimitive(random.nextBoolean()));
                default -> new JsonObject();
            };
            params.add("zz" + ParamRule.word(random), value);
        }
    }

    private static void set(JsonObject params, String field, JsonElement value) {
        if (value == null) {
            params.remove(field);
        } else {
            params.add(field, value.deepCopy());
        }
    }
}
