package org.opregister.risk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Likelihood x impact on the 5x5 matrix and its bands: 1-4 low, 5-9 medium, 10-14 high, 15-25 critical. */
class RatingTest {

    @Test
    void theScoreIsTheProduct() {
        assertEquals(1, new Rating(1, 1).score());
        assertEquals(12, new Rating(3, 4).score());
        assertEquals(20, new Rating(4, 5).score());
        assertEquals(25, new Rating(5, 5).score());
    }

    @Test
    void bandsChangeAtFiveTenAndFifteen() {
        assertEquals(RiskBand.LOW, RiskBand.of(1));
        assertEquals(RiskBand.LOW, RiskBand.of(4));
        assertEquals(RiskBand.MEDIUM, RiskBand.of(5));
        assertEquals(RiskBand.MEDIUM, RiskBand.of(9));
        assertEquals(RiskBand.HIGH, RiskBand.of(10));
        assertEquals(RiskBand.HIGH, RiskBand.of(14));
        assertEquals(RiskBand.CRITICAL, RiskBand.of(15));
        assertEquals(RiskBand.CRITICAL, RiskBand.of(25));
        assertEquals(RiskBand.MEDIUM, new Rating(3, 3).band());
        assertEquals(RiskBand.CRITICAL, new Rating(3, 5).band());
        assertEquals(RiskBand.LOW, new Rating(2, 2).band());
    }

    @Test
    void outsideTheScalesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Rating(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new Rating(3, 6));
        assertThrows(IllegalArgumentException.class, () -> RiskBand.of(0));
        assertThrows(IllegalArgumentException.class, () -> RiskBand.of(26));
    }
}
