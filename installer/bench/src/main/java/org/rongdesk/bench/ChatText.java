package org.rongdesk.bench;

import java.util.SplittableRandom;

/**
 * Chat-like text for the benchmarks, deterministic from a seed: three in four messages are
 * words of a 5,000-word vocabulary picked by Zipf's law (few words are common, most are rare,
 * as in speech), 40–140 characters; one in four is Chinese, 15–50 characters from 4,096 Han
 * characters, also Zipf-distributed, so that pairs of characters repeat as they do in a language.
 */
final class ChatText {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "de", "ga", "an", "el",
        "in", "or", "us", "be", "ch", "st", "th", "wa"};
    private static final int WORDS = 5_000;
    private static final int HAN = 4_096;
    private final String[] vocabulary = new String[WORDS];
    private final Zipf wordRank = new Zipf(WORDS);
    private final Zipf hanRank = new Zipf(HAN);
    private final SplittableRandom random;

    ChatText(long seed) {
        this.random = new SplittableRandom(seed);
        SplittableRandom words = new SplittableRandom(7);
        for (int i = 0; i < WORDS; i++) {
            StringBuilder word = new StringBuilder();
            int syllables = 1 + words.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                word.append(SYLLABLES[words.nextInt(SYLLABLES.length)]);
            }
            vocabulary[i] = word + (i >= SYLLABLES.length * 4 ? Integer.toString(i % 97, 36) : "");
        }
    }

    /** The next message's text. */
    String next() {
        if (random.nextInt(4) == 0) {
            StringBuilder text = new StringBuilder();
            int length = 15 + random.nextInt(36);
            for (int i = 0; i < length; i++) {
                text.append((char) (0x4E00 + hanRank.sample(random)));
            }
            return text.toString();
        }
        StringBuilder text = new StringBuilder();
        int length = 40 + random.nextInt(101);
        while (text.length() < length) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(word(wordRank.sample(random)));
        }
        return text.substring(0, Math.min(text.length(), 140));
    }

    /** The word of rank {@code rank} (0 the most common). */
    String word(int rank) {
        return vocabulary[rank];
    }

    /** Zipf's law over ranks 0..n-1 (exponent 1), by inverting its cumulative sums. */
    private static final class Zipf {
        private final double[] cumulative;

        Zipf(int n) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1.0 / (i + 1);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int sample(SplittableRandom random) {
            int found = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, found >= 0 ? found : -found - 1);
        }
    }
}
