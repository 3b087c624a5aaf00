package org.opregister.kri;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A computed KRI whose figure a package above this one knows how to make (the ICT register's concentration share):
 * that package implements this interface for its {@link KriSource}, and fires {@link Changed} inside the transaction
 * of every change to its figures, so that the KRI's stored values follow it in the same commit.
 */
public interface KriMeasure {

    /** The source this measure computes. */
    KriSource source();

    /** The figure on that day (a period's value is the figure on its last day, or today for the current one). */
    BigDecimal valueOn(LocalDate day);

    /** Fired when the inputs of a measure's figure changed. */
    record Changed(KriSource source) {
    }
}
