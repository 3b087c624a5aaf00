package org.opregister.corep;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.opregister.core.KeptUntilChange;
import org.opregister.corep.ReturnInput.Rule;
import org.opregister.incident.LossDataChanges;

/**
 * The returns last computed, kept until the loss data they read changes ({@link KeptUntilChange},
 * {@link LossDataChanges#noneUpTo}): a commit that changes a ledger line booked up to the reference date, an incident,
 * an entity or a rate. A change to any other record leaves them, and so does a line booked after the reference date
 * (the lines of the current half-year leave the return of the last one). A few returns: reference date, entity, rule.
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
        this((key, kept, now) -> LossDataChanges.noneUpTo(key.referenceDate(), kept, now));
    }

    ComputedReturns(Unchanged<Key> unchanged) {
        super(KEPT, unchanged);
    }
}
