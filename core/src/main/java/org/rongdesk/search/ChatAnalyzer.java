package org.rongdesk.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Words for the index: Unicode word breaks (UAX #29), full-width forms folded, lower case; runs
 * of Han, Hiragana, Katakana and Hangul cut into overlapping character pairs (午饭在食堂吃 → 午饭,
 * 饭在, 在食, 食堂, 堂吃), so that any substring of two or more characters is a phrase of pairs.
 * Indexing also keeps each character alone ({@code unigrams}), so one character can be found;
 * a query needs only the pairs. No stop words: "the" is a word to find in a chat.
 */
final class ChatAnalyzer extends Analyzer {
    private final boolean unigrams;

    /** @param unigrams keep single characters of CJK runs as well (the index does; a query does not) */
    ChatAnalyzer(boolean unigrams) {
        this.unigrams = unigrams;
    }

    @Override
    protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer words = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(words);
        stream = new LowerCaseFilter(stream);
        stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
                | CJKBigramFilter.HANGUL, unigrams);
        return new TokenStreamComponents(words, stream);
    }
}
