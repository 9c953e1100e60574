package org.rongdesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What a keyword asks of the index: every part of it must be found. A run of CJK characters is
 * a phrase of its character pairs (so 食堂 finds 午饭在食堂吃), one character alone is itself,
 * any other word matches words it begins (lunch finds Lunches). Each part is also kept as a
 * plain string, its {@link #needles()}, which a found message's text must contain: the store is
 * the truth, and an index a crash left behind must not return a message that no longer says it.
 */
final class KeywordQuery {
    private static final Analyzer ANALYZER = new ChatAnalyzer(false);
    private final Query query;
    private final List<String> needles;

    private KeywordQuery(Query query, List<String> needles) {
        this.query = query;
        this.needles = needles;
    }

    /** The query for {@code keyword} over {@code field}; empty (no parts) when it holds no letters, digits or CJK. */
    static KeywordQuery of(String field, String keyword) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        List<String> needles = new ArrayList<>();
        PhraseQuery.Builder phrase = null;
        StringBuilder run = null;
        int lastStart = -2;
        try (TokenStream tokens = ANALYZER.tokenStream(field, keyword)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            TypeAttribute type = tokens.addAttribute(TypeAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            int position = 0;
            while (tokens.incrementToken()) {
                String text = term.toString();
                boolean pair = CJKBigramFilter.DOUBLE_TYPE.equals(type.type());
                if (pair && phrase != null && offset.startOffset() == lastStart + 1) {
                    phrase.add(new Term(field, text), ++position);
                    run.append(text.substring(text.offsetByCodePoints(0, 1)));
                    lastStart = offset.startOffset();
                    continue;
                }
                if (phrase != null) {
                    all.add(phrase.build(), BooleanClause.Occur.MUST);
                    needles.add(run.toString());
                    phrase = null;
                }
                if (pair) {
                    phrase = new PhraseQuery.Builder();
                    position = 0;
                    phrase.add(new Term(field, text), position);
                    run = new StringBuilder(text);
                    lastStart = offset.startOffset();
                } else if (CJKBigramFilter.SINGLE_TYPE.equals(type.type())) {
                    all.add(new TermQuery(new Term(field, text)), BooleanClause.Occur.MUST);
                    needles.add(text);
                } else {
                    all.add(new PrefixQuery(new Term(field, text)), BooleanClause.Occur.MUST);
                    needles.add(text);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        if (phrase != null) {
            all.add(phrase.build(), BooleanClause.Occur.MUST);
            needles.add(run.toString());
        }
        return new KeywordQuery(all.build(), List.copyOf(needles));
    }

    Query query() {
        return query;
    }

    /** The parts, folded as the index folds them. */
    List<String> needles() {
        return needles;
    }

    boolean isEmpty() {
        return needles.isEmpty();
    }

    /** Whether {@code text} (a message's search text) still contains every part. */
    boolean foundIn(String text) {
        String folded = fold(text);
        return needles.stream().allMatch(folded::contains);
    }

    /** Full-width forms to their usual ones and lower case, as the analyzer does. */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
