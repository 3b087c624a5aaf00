package org.opregister.incident;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one normalisation the register's free-text search uses, for what is stored and for what is typed: lower case,
 * accents removed (NFD, then every combining mark dropped), every character that is not a letter or a digit a
 * separator. {@code Réseau}, {@code RESEAU} and {@code reseau} all give the word {@code reseau};
 * {@code INC-2024-0007} gives {@code inc}, {@code 2024}, {@code 0007}. Both databases receive these words only, never
 * the text: PostgreSQL builds its tsvector from them without a parser of its own, H2 stores them one a row, so both
 * find the same incidents.
 */
public final class SearchWords {

    /** Longer words are cut to this many characters, in the stored words and in the query alike. */
    public static final int WORD_MAX = 64;

    /** The stored words of one incident, separated by single spaces, at most this long. */
    public static final int DOCUMENT_MAX = 16000;

    /** A query uses its first this many distinct words; the rest are ignored. */
    public static final int QUERY_WORDS_MAX = 16;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]{1," + WORD_MAX + "}");

    private SearchWords() {
    }

    /** The distinct words of {@code text}, in order of first appearance. */
    public static List<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        add(words, text);
        return new ArrayList<>(words);
    }

    /** The stored form of the texts: their distinct words, separated by single spaces, cut at {@link #DOCUMENT_MAX}. */
    public static String document(String... texts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : texts) {
            add(words, text);
        }
        StringBuilder document = new StringBuilder();
        for (String word : words) {
            if (document.length() + 1 + word.length() > DOCUMENT_MAX) {
                break;
            }
            if (!document.isEmpty()) {
                document.append(' ');
            }
            document.append(word);
        }
        return document.toString();
    }

    /** The words a typed search looks for, at most {@link #QUERY_WORDS_MAX}; empty when it holds no letter or digit. */
    public static List<String> query(String typed) {
        List<String> words = of(typed);
        return words.size() > QUERY_WORDS_MAX ? words.subList(0, QUERY_WORDS_MAX) : words;
    }

    /**
     * The PostgreSQL tsquery that asks for every word as a prefix: {@code 'w1':* & 'w2':*}. Built from the normalised
     * words only, and each is checked again to be letters and digits, so nothing typed reaches the tsquery syntax.
     */
    public static String tsquery(List<String> words) {
        StringBuilder query = new StringBuilder();
        for (String word : words) {
            if (!WORD.matcher(word).matches()) {
                throw new IllegalArgumentException("not a normalised search word");
            }
            if (!query.isEmpty()) {
                query.append(" & ");
            }
            query.append('\'').append(word).append("':*");
        }
        return query.toString();
    }

    private static void add(Set<String> words, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String bare = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        int length = bare.length();
        int start = -1;
        for (int i = 0; i <= length;) {
            int codePoint = i < length ? bare.codePointAt(i) : ' ';
            boolean wordChar = i < length && Character.isLetterOrDigit(codePoint);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(cut(bare.substring(start, i)));
                start = -1;
            }
            i += i < length ? Character.charCount(codePoint) : 1;
        }
    }

    private static String cut(String word) {
        if (word.length() <= WORD_MAX) {
            return word;
        }
        int end = WORD_MAX;
        if (Character.isHighSurrogate(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(0, end);
    }
}
