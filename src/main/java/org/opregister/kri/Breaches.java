package org.opregister.kri;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a KRI's breaches in step with its values: each run of red values (gaps do not end a run, a green or amber
 * value does) is one breach, open while the latest value is red. A breach whose red values were corrected away is
 * withdrawn, not deleted, so whatever refers to it keeps its target.
 */
final class Breaches {

    private Breaches() {
    }

    static void update(Kri kri) {
        KriValue.getEntityManager().flush();
        List<KriBreach> existing = new ArrayList<>(KriBreach.of(kri));
        KriBreach current = null;
        for (KriValue value : KriValue.of(kri)) {
            if (value.status == KriStatus.RED) {
                if (current == null) {
                    current = matching(existing, value);
                    current.firstValue = value.value;
                    current.status = BreachStatus.OPEN;
                    current.recoveredPeriod = null;
                }
                current.lastRedPeriod = value.periodStart;
            } else if (current != null) {
                current.status = BreachStatus.CLOSED;
                current.recoveredPeriod = value.periodStart;
                current = null;
            }
        }
        for (KriBreach gone : existing) {
            gone.status = BreachStatus.WITHDRAWN;
        }
    }

    /** The breach that started in this value's period (taken off the list of unmatched ones), or a new one. */
    private static KriBreach matching(List<KriBreach> existing, KriValue value) {
        for (KriBreach breach : existing) {
            if (breach.firstPeriod.equals(value.periodStart)) {
                existing.remove(breach);
                return breach;
            }
        }
        KriBreach breach = new KriBreach();
        breach.kri = value.kri;
        breach.firstPeriod = value.periodStart;
        breach.lastRedPeriod = value.periodStart;
        breach.firstValue = value.value;
        breach.persist();
        return breach;
    }
}
