package org.opregister.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The where-builder and the literal "contains" pattern, without a database. */
class WhereTest {

    @Test
    void noFilterIsOneEqualsOneWithoutParameters() {
        Where where = new Where().and("i.status = :status", "status", null).and(false, "i.deleted = false");
        assertEquals("1 = 1", where.clause());
        assertEquals(Map.of(), where.parameters());
    }

    @Test
    void givenValuesAreJoinedWithAndInTheOrderAdded() {
        Where where = new Where().and("i.status = :status", "status", "OPEN").and("i.owner = :owner", "owner", null)
                .and(true, "i.closedAt is null").and("i.amount > :amount", "amount", 10);
        assertEquals("i.status = :status and i.closedAt is null and i.amount > :amount", where.clause());
        assertEquals(Map.of("status", "OPEN", "amount", 10), where.parameters());
    }

    @Test
    void aClauseWithSeveralParametersComesInWhenTheyAreGiven() {
        Map<String, Object> cell = null;
        Where where = new Where().and("r.l = :l and r.i = :i", Map.of("l", 3, "i", 4)).and("r.x = :x", cell);
        assertEquals("r.l = :l and r.i = :i", where.clause());
        assertEquals(Map.of("l", 3, "i", 4), where.parameters());
    }

    @Test
    void containsIsALowerCaseLikeWithEscapedWildcards() {
        Where where = new Where().contains("lower(i.title)", "q", "50%_Off\\X");
        assertEquals("lower(i.title) like :q escape '\\'", where.clause());
        assertEquals(Map.of("q", "%50\\%\\_off\\\\x%"), where.parameters());
        assertEquals("1 = 1", new Where().contains("lower(i.title)", "q", null).clause());
    }

    @Test
    void likePatternMatchesTheTextAnywhereLiterally() {
        assertEquals("%fraud%", LikePattern.contains("FRAUD"));
        assertEquals("%a\\_b%", LikePattern.contains("a_b"));
        assertEquals("%100\\%%", LikePattern.contains("100%"));
        assertEquals("%c:\\\\temp%", LikePattern.contains("C:\\temp"));
        assertEquals("%%", LikePattern.contains(""));
    }
}
