package org.opregister.kri;

import java.math.BigDecimal;

import org.opregister.core.FieldErrors;

/**
 * Green and red limits read in the KRI's direction. Higher is worse: green up to and including the green limit,
 * red above the red limit, amber between. Higher is better: green from the green limit up, red below the red
 * limit, amber between. A value exactly on a limit is therefore never in the worse band.
 */
public record Thresholds(KriDirection direction, BigDecimal green, BigDecimal red) {

    public KriStatus status(BigDecimal value) {
        if (direction == KriDirection.HIGHER_IS_WORSE) {
            return value.compareTo(green) <= 0
                    ? KriStatus.GREEN
                    : value.compareTo(red) > 0 ? KriStatus.RED : KriStatus.AMBER;
        }
        return value.compareTo(green) >= 0
                ? KriStatus.GREEN
                : value.compareTo(red) < 0 ? KriStatus.RED : KriStatus.AMBER;
    }

    /** Consistent with the direction: the green limit lies on the good side of the red limit. */
    static void check(KriDirection direction, BigDecimal green, BigDecimal red, FieldErrors errors) {
        if (direction == null || green == null || red == null) {
            return;
        }
        if (direction == KriDirection.HIGHER_IS_WORSE && green.compareTo(red) >= 0) {
            errors.add("redLimit", "error.redBelowGreenWorse");
        }
        if (direction == KriDirection.HIGHER_IS_BETTER && green.compareTo(red) <= 0) {
            errors.add("redLimit", "error.redAboveGreenBetter");
        }
    }

    public boolean sameAs(Thresholds other) {
        return direction == other.direction && green.compareTo(other.green) == 0 && red.compareTo(other.red) == 0;
    }
}
