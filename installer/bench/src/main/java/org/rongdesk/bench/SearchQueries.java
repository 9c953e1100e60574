package org.rongdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.RongException;
import org.rongdesk.search.SearchIndex;
import org.rongdesk.store.LocalStore;

/**
 * searchMessages over the bench store: the index built from nothing (as a store made before
 * search existed gets it), then keywords of every kind — common, middling and rare words, word
 * starts, two words, Chinese pairs and triples taken from text of the same distribution, one
 * Chinese character — each asking for the newest 20, timed one by one.
 */
final class SearchQueries {
    private final Report report;

    SearchQueries(Report report) {
        this.report = report;
    }

    void run(LocalStore store, Path directory, int messages) throws RongException, IOException {
        Log.info("search: indexing the whole store, then keywords");
        long start = System.nanoTime();
        try (SearchIndex index = SearchIndex.open(store, directory)) {
            awaitIndexed(index);
            double seconds = (System.nanoTime() - start) / 1e9;
            report.metric("search_index_build_s", seconds, "s");
            report.metric("search_index_build_msgs_per_s", messages / seconds, "msg/s");
            List<String> keywords = keywords(new ChatText(42), 400);
            time(index, keywords.subList(0, 100));
            Samples all = time(index, keywords);
            report.metric("search_20_median_ms", all.medianMs(), "ms");
            report.metric("search_20_p99_ms", all.p99Ms(), "ms");
            for (String kind : List.of("word", "cjk")) {
                List<String> some = keywords.stream().filter(k -> isCjk(k) == kind.equals("cjk")).toList();
                Samples samples = time(index, some);
                report.metric("search_20_" + kind + "_median_ms", samples.medianMs(), "ms");
                report.metric("search_20_" + kind + "_p99_ms", samples.p99Ms(), "ms");
            }
        }
        report.metric("search_index_size_mb", sizeMb(directory), "MB");
    }

    /**
     * A search waits (up to 30 s, then 3001) for what was stored before it; building a million
     * messages' index takes longer, and the next search queues behind the work still going on.
     */
    private static void awaitIndexed(SearchIndex index) throws RongException {
        while (true) {
            try {
                index.search("kalo", Optional.empty(), Optional.empty(), 0, 1);
                return;
            } catch (RongException e) {
                if (e.code() != ErrorCode.TIMEOUT) {
                    throw e;
                }
                Log.info("search: still indexing");
            }
        }
    }

    private static Samples time(SearchIndex index, List<String> keywords) throws RongException {
        Samples samples = new Samples(keywords.size());
        for (String keyword : keywords) {
            long start = System.nanoTime();
            index.search(keyword, Optional.empty(), Optional.empty(), 0, 20);
            samples.add(System.nanoTime() - start);
        }
        return samples;
    }

    /** {@code count} keywords of the kinds above, in a mixed order. */
    private static List<String> keywords(ChatText text, int count) {
        SplittableRandom random = new SplittableRandom(3);
        ChatText chinese = new ChatText(99);
        List<String> keywords = new ArrayList<>();
        while (keywords.size() < count) {
            switch (keywords.size() % 8) {
                case 0 -> keywords.add(text.word(random.nextInt(10)));
                case 1 -> keywords.add(text.word(100 + random.nextInt(400)));
                case 2 -> keywords.add(text.word(2000 + random.nextInt(3000)));
                case 3 -> keywords.add(text.word(random.nextInt(500)).substring(0, 2) + "a");
                case 4 -> keywords.add(text.word(random.nextInt(50)) + " " + text.word(random.nextInt(200)));
                case 5 -> keywords.add(cjk(chinese, random, 2));
                case 6 -> keywords.add(cjk(chinese, random, 3));
                default -> keywords.add(cjk(chinese, random, 1));
            }
        }
        return keywords;
    }

    private static String cjk(ChatText chinese, SplittableRandom random, int length) {
        String text = chinese.next();
        while (!isCjk(text)) {
            text = chinese.next();
        }
        int at = random.nextInt(text.length() - length);
        return text.substring(at, at + length);
    }

    private static boolean isCjk(String text) {
        return Character.UnicodeScript.of(text.codePointAt(0)) == Character.UnicodeScript.HAN;
    }

    private static double sizeMb(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            long bytes = 0;
            for (Path file : files.toList()) {
                bytes += Files.size(file);
            }
            return bytes / 1024.0 / 1024.0;
        }
    }
}
