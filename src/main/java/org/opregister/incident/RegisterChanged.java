package org.opregister.incident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;

/**
 * Fired inside the transaction of every change to incidents or their loss lines, with what the change may have moved:
 * incidents counted on a discovery date, or ledger lines on an accounting date, each with the incident's
 * classification (before and after a change of it). Figures derived from the register (computed KRIs) mark those
 * periods in the same transaction and recompute them after it commits. {@link #everything()} is a change whose effect
 * is not known (an import, a ledger conversion): every period may have moved.
 */
public record RegisterChanged(List<Touched> touched) {

    /** What a count of incidents or a sum of ledger lines on that date, of that classification, may have moved. */
    public enum Measure {
        INCIDENTS, LEDGER
    }

    public record Touched(Measure measure, LocalDate date, EventCategory eventCategory, BusinessLine businessLine) {
    }

    public static RegisterChanged everything() {
        return new RegisterChanged(null);
    }

    public boolean all() {
        return touched == null;
    }

    /** The incident as counted: its discovery date and classification. */
    static Touched counted(Incident incident) {
        return new Touched(Measure.INCIDENTS, incident.discoveryDate, incident.eventCategory, incident.businessLine);
    }

    /** Ledger lines of an incident of that classification on each of these accounting dates. */
    static List<Touched> booked(EventCategory category, BusinessLine line, Collection<LocalDate> dates) {
        List<Touched> result = new ArrayList<>();
        for (LocalDate date : dates) {
            result.add(new Touched(Measure.LEDGER, date, category, line));
        }
        return result;
    }
}
