package org.opregister.kri;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import org.opregister.core.FieldErrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** KRI status from the green and red limits, read in the KRI's direction; a value on a limit is the better band. */
class ThresholdsTest {

    private static final Thresholds WORSE = new Thresholds(KriDirection.HIGHER_IS_WORSE, new BigDecimal("5"),
            new BigDecimal("10"));
    private static final Thresholds BETTER = new Thresholds(KriDirection.HIGHER_IS_BETTER, new BigDecimal("95"),
            new BigDecimal("90"));

    @Test
    void higherIsWorse() {
        assertEquals(KriStatus.GREEN, WORSE.status(new BigDecimal("4.99")));
        assertEquals(KriStatus.GREEN, WORSE.status(new BigDecimal("5.00")));
        assertEquals(KriStatus.AMBER, WORSE.status(new BigDecimal("5.01")));
        assertEquals(KriStatus.AMBER, WORSE.status(new BigDecimal("10")));
        assertEquals(KriStatus.RED, WORSE.status(new BigDecimal("10.01")));
    }

    @Test
    void higherIsBetter() {
        assertEquals(KriStatus.GREEN, BETTER.status(new BigDecimal("99")));
        assertEquals(KriStatus.GREEN, BETTER.status(new BigDecimal("95")));
        assertEquals(KriStatus.AMBER, BETTER.status(new BigDecimal("94.9")));
        assertEquals(KriStatus.AMBER, BETTER.status(new BigDecimal("90")));
        assertEquals(KriStatus.RED, BETTER.status(new BigDecimal("89.99")));
    }

    @Test
    void limitsMustLieTheRightWayRound() {
        FieldErrors errors = new FieldErrors();
        Thresholds.check(KriDirection.HIGHER_IS_WORSE, new BigDecimal("10"), new BigDecimal("10"), errors);
        assertEquals("error.redBelowGreenWorse", errors.keys().get("redLimit"));

        errors = new FieldErrors();
        Thresholds.check(KriDirection.HIGHER_IS_BETTER, new BigDecimal("90"), new BigDecimal("95"), errors);
        assertEquals("error.redAboveGreenBetter", errors.keys().get("redLimit"));

        errors = new FieldErrors();
        Thresholds.check(KriDirection.HIGHER_IS_WORSE, new BigDecimal("5"), new BigDecimal("10"), errors);
        Thresholds.check(KriDirection.HIGHER_IS_BETTER, new BigDecimal("95"), new BigDecimal("90"), errors);
        Thresholds.check(null, new BigDecimal("95"), null, errors);
        assertFalse(errors.any());
    }

    @Test
    void sameAsComparesNumbersNotTheirScale() {
        assertTrue(WORSE.sameAs(new Thresholds(KriDirection.HIGHER_IS_WORSE, new BigDecimal("5.00"),
                new BigDecimal("10.0"))));
        assertFalse(WORSE.sameAs(new Thresholds(KriDirection.HIGHER_IS_BETTER, new BigDecimal("5"),
                new BigDecimal("10"))));
        assertFalse(WORSE.sameAs(new Thresholds(KriDirection.HIGHER_IS_WORSE, new BigDecimal("5"),
                new BigDecimal("11"))));
    }

    @Test
    void statusFollowsTheDirectionAndValuesOnALimitAreNeverInTheWorseBand() {
        Thresholds worse = new Thresholds(KriDirection.HIGHER_IS_WORSE, new BigDecimal("20"), new BigDecimal("40"));
        assertEquals(KriStatus.GREEN, worse.status(new BigDecimal("19.99")));
        assertEquals(KriStatus.GREEN, worse.status(new BigDecimal("20")));
        assertEquals(KriStatus.AMBER, worse.status(new BigDecimal("20.0001")));
        assertEquals(KriStatus.AMBER, worse.status(new BigDecimal("40")));
        assertEquals(KriStatus.RED, worse.status(new BigDecimal("40.0001")));
        Thresholds better = new Thresholds(KriDirection.HIGHER_IS_BETTER, new BigDecimal("95"), new BigDecimal("80"));
        assertEquals(KriStatus.GREEN, better.status(new BigDecimal("100")));
        assertEquals(KriStatus.GREEN, better.status(new BigDecimal("95")));
        assertEquals(KriStatus.AMBER, better.status(new BigDecimal("94.9999")));
        assertEquals(KriStatus.AMBER, better.status(new BigDecimal("80")));
        assertEquals(KriStatus.RED, better.status(new BigDecimal("79.9999")));
    }
}
