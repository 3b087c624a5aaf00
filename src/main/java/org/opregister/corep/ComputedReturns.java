package org.opregister.corep;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.opregister.core.KeptUntilChange;
import org.opregister.corep.ReturnInput.Rule;

/**
 * The returns last computed, kept until a record changes ({@link KeptUntilChange}): every commit that changes a ledger
 * line, an incident, an entity or a rate moves the last change's id. A few returns: reference date, entity, rule.
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
        super(KEPT);
    }
}
