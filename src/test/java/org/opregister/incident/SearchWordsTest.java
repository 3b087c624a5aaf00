package org.opregister.incident;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one normalisation of the free-text search, for stored text and typed queries alike. */
class SearchWordsTest {

    @Test
    void lowerCaseWithoutAccentsAndEveryOtherCharacterSeparates() {
        assertEquals(List.of("reseau", "electrique"), SearchWords.of("Réseau ÉLECTRIQUE"));
        assertEquals(List.of("inc", "2024", "0007"), SearchWords.of("INC-2024-0007"));
        assertEquals(List.of("zoe", "muller", "a", "b"), SearchWords.of("Zoë_Müller&a|b!:*%\\'\""));
        assertEquals(List.of("ceska", "sporitelna", "straße", "ελληνικα"),
                SearchWords.of("Česká  spořitelna, Straße; ΕΛΛΗΝΙΚΆ"));
        assertEquals(List.of(), SearchWords.of("%&|!:* -- ''"));
        assertEquals(List.of(), SearchWords.of(null));
    }

    @Test
    void theDocumentHoldsEachWordOnceAndLongWordsAreCut() {
        assertEquals("vendor outage inc 1", SearchWords.document("Vendor outage", null, "VENDOR: inc 1", ""));
        String longWord = "x".repeat(100);
        assertEquals("x".repeat(SearchWords.WORD_MAX), SearchWords.document(longWord));
        assertEquals(List.of("x".repeat(SearchWords.WORD_MAX)), SearchWords.query(longWord));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            many.append("w").append(i).append(' ');
        }
        assertTrue(SearchWords.document(many.toString()).length() <= SearchWords.DOCUMENT_MAX);
    }

    @Test
    void aQueryKeepsItsFirstWordsOnly() {
        assertEquals(SearchWords.QUERY_WORDS_MAX, SearchWords.query("a b c d e f g h i j k l m n o p q r s t").size());
    }

    @Test
    void theTsqueryIsBuiltFromNormalisedWordsOnly() {
        assertEquals("'vend':* & '2024':*", SearchWords.tsquery(SearchWords.query("VEND, 2024")));
        assertThrows(IllegalArgumentException.class, () -> SearchWords.tsquery(List.of("a':* | 'b")));
        assertThrows(IllegalArgumentException.class, () -> SearchWords.tsquery(List.of("")));
    }
}
