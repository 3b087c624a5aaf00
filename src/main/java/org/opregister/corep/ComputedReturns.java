package org.opregister.corep;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.opregister.core.KeptUntilChange;
import org.opregister.corep.ReturnInput.Rule;
import org.opregister.incident.LossDataChanges;

/**
 * The returns last computed, kept until the loss data changes ({@link KeptUntilChange}, {@link LossDataChanges}): a
 * commit that changes a ledger line, an incident, an entity or a rate; a change to any other record leaves them. A
 * few returns: reference date, entity, rule.
 */
@ApplicationScoped
public class ComputedReturns extends KeptUntilChange<ComputedReturns.Key, ComputedReturns.Computed> {

    static final int KEPT = 8;

    /** Which return: the rule holds the threshold, the currency, the EUR rate and its date. */
    record Key(LocalDate referenceDate, String entityCode, Rule rule) {
    }

    /** What the computation gives: the figures, the data's hash and how many ledger lines it read. */
    record Computed(C17Return result, String hash, long lines) {
    }

    public ComputedReturns() {
        this(LossDataChanges::noneBetween);
    }

    ComputedReturns(Unchanged unchanged) {
        super(KEPT, unchanged);
    }
}
