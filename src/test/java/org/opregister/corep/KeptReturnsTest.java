package org.opregister.corep;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.opregister.core.KeptUntilChange;
import org.opregister.corep.ComputedReturns.Computed;
import org.opregister.corep.ComputedReturns.Key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * How {@link ComputedReturns} keeps and lets go of returns, by the id of the last change they were computed at and
 * whether what they read changed since.
 */
class KeptReturnsTest {

    private static final ReturnInput.Rule RULE = new ReturnInput.Rule(new BigDecimal("20000"), "EUR", BigDecimal.ONE,
            LocalDate.of(2024, 12, 31), new BigDecimal("100000"));

    /** Every change touches what a return reads. */
    private static final KeptUntilChange.Unchanged<Key> EVERY_CHANGE_COUNTS = (key, after, upTo) -> false;

    private static Key key(int year, String entity) {
        return new Key(LocalDate.of(year, 12, 31), entity, RULE);
    }

    private static Computed computed(String hash) {
        return new Computed(null, hash, 1, 1);
    }

    @Test
    void aReturnIsServedOnlyForTheChangeItWasComputedAt() {
        ComputedReturns kept = new ComputedReturns(EVERY_CHANGE_COUNTS);
        Computed at7 = computed("a");
        kept.keep(key(2024, null), 7, at7);
        assertSame(at7, kept.at(key(2024, null), 7));
        assertNull(kept.at(key(2024, null), 8), "a record changed since");
        assertNull(kept.at(key(2024, "E1"), 7), "another entity");
        assertNull(kept.at(key(2023, null), 7), "another reference date");
        assertNull(kept.at(new Key(LocalDate.of(2024, 12, 31), null, new ReturnInput.Rule(new BigDecimal("20000"),
                "EUR", BigDecimal.ONE, LocalDate.of(2024, 12, 31), new BigDecimal("50000"))), 7), "another rule");
    }

    @Test
    void aReturnComputedEarlierNeverReplacesOneComputedLater() {
        ComputedReturns kept = new ComputedReturns(EVERY_CHANGE_COUNTS);
        Computed at9 = computed("new");
        kept.keep(key(2024, null), 9, at9);
        kept.keep(key(2024, null), 8, computed("old"));
        assertSame(at9, kept.at(key(2024, null), 9));
    }

    @Test
    void aReturnIsServedAtALaterChangeWhenNothingItReadsChangedInBetween() {
        List<long[]> asked = new ArrayList<>();
        // The changes 8 and 9 are about other records (a KRI value, an action plan); 10 is a ledger line.
        List<Key> about = new ArrayList<>();
        ComputedReturns kept = new ComputedReturns((key, after, upTo) -> {
            asked.add(new long[]{after, upTo});
            about.add(key);
            return upTo < 10;
        });
        Computed at7 = computed("a");
        kept.keep(key(2024, null), 7, at7);
        assertSame(at7, kept.at(key(2024, null), 9), "nothing the return reads changed after 7");
        assertEquals(1, asked.size());
        assertEquals(7, asked.get(0)[0]);
        assertEquals(9, asked.get(0)[1]);
        assertEquals(key(2024, null), about.get(0), "asked about the return's own reference date");
        assertSame(at7, kept.at(key(2024, null), 9), "kept under 9 since");
        assertEquals(1, asked.size(), "served without asking again");
        assertNull(kept.at(key(2024, null), 11), "a line changed at 10");
        assertEquals(0, kept.size(), "and the return is let go");
    }

    @Test
    void aReturnKeptUnderALaterChangeIsNotServedToAReaderOfAnEarlierOne() {
        ComputedReturns kept = new ComputedReturns((key, after, upTo) -> true);
        kept.keep(key(2024, null), 9, computed("at 9"));
        assertNull(kept.at(key(2024, null), 8));
        assertEquals(1, kept.size());
    }

    @Test
    void atMostEightReturnsAreKeptTheLeastRecentlyReadGoFirst() {
        ComputedReturns kept = new ComputedReturns(EVERY_CHANGE_COUNTS);
        for (int year = 2001; year <= 2008; year++) {
            kept.keep(key(year, null), 5, computed("y" + year));
        }
        kept.at(key(2001, null), 5);
        kept.keep(key(2009, null), 5, computed("y2009"));
        assertEquals(ComputedReturns.KEPT, kept.size());
        assertNull(kept.at(key(2002, null), 5), "the least recently read");
        assertEquals("y2001", kept.at(key(2001, null), 5).hash());
    }
}
