package org.opregister.incident;

import java.math.BigDecimal;

import org.opregister.core.OpriskConfig;

/**
 * The collection rule of the regulatory loss data set, as configured ({@code oprisk.loss-data}): an event is in it
 * when its aggregated loss, on the chosen basis, reaches the threshold; the same rule as {@link LossDataSet}, for
 * the register's filter.
 */
public record DataSetRule(BigDecimal threshold, String basis) {

    /** The rule as configured ({@code oprisk.loss-data}). */
    public static DataSetRule configured(OpriskConfig config) {
        return new DataSetRule(config.lossData().threshold(), config.lossData().thresholdBasis());
    }

    /** Whether the threshold reads the event's aggregated net loss (else its gross loss). */
    public boolean netBasis() {
        return LossDataSet.NET.equals(basis);
    }

    /** The rule in a few characters, to key what was computed under it ({@code NET 20000}), whatever the scale. */
    public String key() {
        return basis + " " + threshold.stripTrailingZeros().toPlainString();
    }

    /** The HQL condition (alias {@code i}) for events in the data set, with {@code :dataSetThreshold}. */
    String inClause() {
        return inClause("i");
    }

    /**
     * The same condition on a ledger line of that alias ({@code LossEntry}), read from the event the line carries
     * ({@link LineEvent}: its root's exclusion and the event's aggregated loss, kept by {@link LossEvents}), so that a
     * sum over lines by accounting date reads the lines' index alone; with {@code :dataSetThreshold}.
     */
    String lineInClause(String alias) {
        return "(" + alias + ".event.excluded = false and " + alias + ".event." + (netBasis() ? "net" : "gross")
                + " >= :dataSetThreshold)";
    }

    /**
     * The HQL condition on the incident of that alias (a root event, with the incidents grouped under it summed),
     * with {@code :dataSetThreshold} bound to {@link #threshold()}.
     */
    public String inClause(String alias) {
        String column = netBasis() ? "netLoss" : "grossLoss";
        String a = alias;
        return "(" + a + ".rootEvent is null and " + a + ".nearMiss = false and " + a + ".gainEvent = false and " + a
                + ".creditBoundary = false and " + a + "." + column + " + coalesce((select sum(m." + column
                + ") from Incident m where m.rootEvent = " + a + "), 0) >= :dataSetThreshold)";
    }
}
