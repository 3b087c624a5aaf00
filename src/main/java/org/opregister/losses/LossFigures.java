package org.opregister.losses;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Loss events, gross loss and net loss of one cell, bucket or event, in the reporting currency. Within one period a
 * loss event (an incident with those grouped under it) falls in one cell only, so events add up across cells.
 */
public record LossFigures(long events, BigDecimal gross, BigDecimal net) {

    public static final LossFigures NONE = new LossFigures(0, money(BigDecimal.ZERO), money(BigDecimal.ZERO));

    /** From the database's sums: net = gross − recoveries received. */
    static LossFigures of(long events, BigDecimal gross, BigDecimal recoveries) {
        return new LossFigures(events, money(gross), money(gross).subtract(money(recoveries)));
    }

    public LossFigures plus(LossFigures other) {
        return new LossFigures(events + other.events, gross.add(other.gross), net.add(other.net));
    }

    public LossFigures minus(LossFigures other) {
        return new LossFigures(events - other.events, gross.subtract(other.gross), net.subtract(other.net));
    }

    public boolean empty() {
        return events == 0 && gross.signum() == 0 && net.signum() == 0;
    }

    /** This share of a whole, in whole percent (0 when the whole is zero). */
    static int percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return 0;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 0, RoundingMode.HALF_UP).intValue();
    }

    static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_EVEN);
    }
}
