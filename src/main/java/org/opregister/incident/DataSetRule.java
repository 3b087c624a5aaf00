package org.opregister.incident;

import java.math.BigDecimal;

/**
 * The collection rule of the regulatory loss data set, as configured ({@code oprisk.loss-data}): an event is in it
 * when its aggregated loss, on the chosen basis, reaches the threshold; the same rule as {@link LossDataSet}, for
 * the register's filter.
 */
public record DataSetRule(BigDecimal threshold, String basis) {

    /** Whether the threshold reads the event's aggregated net loss (else its gross loss). */
    public boolean netBasis() {
        return LossDataSet.NET.equals(basis);
    }

    /** The HQL condition (alias {@code i}) for events in the data set, with {@code :dataSetThreshold}. */
    String inClause() {
        String column = netBasis() ? "netLoss" : "grossLoss";
        return "(i.rootEvent is null and i.nearMiss = false and i.gainEvent = false and i.creditBoundary = false"
                + " and i." + column + " + coalesce((select sum(m." + column + ") from Incident m"
                + " where m.rootEvent = i), 0) >= :dataSetThreshold)";
    }
}
