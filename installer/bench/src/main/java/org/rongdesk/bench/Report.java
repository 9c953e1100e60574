package org.rongdesk.bench;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/** Writes results to stdout, one JSON object a line: {@code {"bench","metric","value","unit"}}. */
final class Report {
    private final String bench;

    Report(String bench) {
        this.bench = bench;
    }

    /** One figure, rounded to three decimals; null when not a number (not measurable here). */
    void metric(String metric, double value, String unit) {
        metric(metric, null, value, unit);
    }

    /** One figure of one case of the benchmark (e.g. "empty store"). */
    void metric(String metric, String caseName, double value, String unit) {
        JsonObject line = new JsonObject();
        line.addProperty("bench", bench);
        line.addProperty("metric", metric);
        if (caseName != null) {
            line.addProperty("case", caseName);
        }
        if (!Double.isFinite(value)) {
            line.add("value", JsonNull.INSTANCE);
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            line.addProperty("value", (long) value);
        } else {
            line.addProperty("value", Math.round(value * 1000) / 1000.0);
        }
        line.addProperty("unit", unit);
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
