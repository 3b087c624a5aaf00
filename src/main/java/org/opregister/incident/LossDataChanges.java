package org.opregister.incident;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditEntry;
import org.opregister.audit.FieldChange;
import org.opregister.reference.FxRate;
import org.opregister.reference.LegalEntity;

/**
 * The records the loss figures are computed from (the COREP returns, the losses page, the dashboard's loss panel):
 * the incidents with their classification, dates, flags, grouping and legal entity, their ledger lines (and the
 * events the lines carry, written with them), the legal entities (a return names them) and the FX rates. A change to
 * any other record (a KRI value, an assessment, an action plan, a comment, a user) cannot move a loss figure.
 */
public final class LossDataChanges {

    private static final String INCIDENT = Incident.class.getSimpleName();
    private static final String LINE = LossEntry.class.getSimpleName();

    static final Set<String> RECORD_TYPES = Set.of(INCIDENT, LINE, LegalEntity.class.getSimpleName(),
            FxRate.class.getSimpleName());

    /** What an incident sums from its ledger lines ({@link IncidentService#applyTotals}), changed with every line. */
    static final Set<String> LEDGER_TOTALS = Set.of("grossLoss", "recoveries", "expectedRecoveries", "provisions",
            "netLoss");

    /** Entries judged at most one by one: past them the figures are computed again, which costs less. */
    static final int JUDGED = 1000;

    private LossDataChanges() {
    }

    /** Whether no change after the last change {@code kept}, up to {@code now}, touched the loss data. */
    public static boolean noneBetween(long kept, long now) {
        return !AuditEntry.recordsChanged(kept, now, RECORD_TYPES);
    }

    /**
     * Whether no change after the last change {@code kept}, up to {@code now}, touched the loss data as figures read
     * it that read only the ledger lines booked up to {@code day} (by accounting date): a C 17 return of that
     * reference date. Each entry about the loss data is judged by {@link #leaves}.
     */
    public static boolean noneUpTo(LocalDate day, long kept, long now) {
        List<AuditEntry> entries = AuditEntry.recordChanges(kept, now, RECORD_TYPES, JUDGED + 1);
        return entries.size() <= JUDGED && entries.stream().allMatch(entry -> leaves(entry, day));
    }

    /**
     * Whether a change leaves the figures that read the lines booked up to {@code day}: a line booked or removed with
     * a later accounting date (those figures never read it); the totals an incident sums from its lines (each line
     * has an entry of its own); a new incident (it has no line yet: its lines come with their own entries). Any
     * other change counts: an edited line (its entry names only what changed, maybe not its date), an incident's
     * attributes, grouping or removal, a legal entity, an FX rate, a change the trail records without its fields
     * (the ledger conversion).
     */
    static boolean leaves(AuditEntry entry, LocalDate day) {
        if (LINE.equals(entry.recordType)) {
            LocalDate booked = switch (entry.action) {
                case CREATE -> accountingDate(entry, true);
                case DELETE -> accountingDate(entry, false);
                default -> null;
            };
            return booked != null && booked.isAfter(day);
        }
        if (INCIDENT.equals(entry.recordType)) {
            if (entry.action == AuditAction.CREATE) {
                return true;
            }
            List<FieldChange> changes = entry.changeList();
            return entry.action == AuditAction.UPDATE && !changes.isEmpty()
                    && changes.stream().allMatch(change -> LEDGER_TOTALS.contains(change.field()));
        }
        return false;
    }

    /**
     * The incidents whose ledger lines or attributes changed after the last change {@code kept}, up to {@code now},
     * with the events a regrouping moved them from and to (a root's id); empty when a change is not about incidents
     * and their lines alone (a legal entity, an FX rate, the ledger conversion, which records no incident) or when
     * there are more than {@link #JUDGED} of them: then every event is read again.
     */
    public static Optional<Set<Long>> incidentsChanged(long kept, long now) {
        List<AuditEntry> entries = AuditEntry.recordChanges(kept, now, RECORD_TYPES, JUDGED + 1);
        if (entries.size() > JUDGED) {
            return Optional.empty();
        }
        Set<Long> incidents = new HashSet<>();
        try {
            for (AuditEntry entry : entries) {
                if (LINE.equals(entry.recordType) && INCIDENT.equals(entry.parentType) && entry.parentId != null) {
                    incidents.add(Long.valueOf(entry.parentId));
                    addIds(incidents, entry, "incident");
                } else if (INCIDENT.equals(entry.recordType) && entry.recordId != null) {
                    incidents.add(Long.valueOf(entry.recordId));
                    addIds(incidents, entry, "rootEvent");
                } else {
                    return Optional.empty();
                }
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(incidents);
    }

    /** The ids a change of that field names, before and after (a line's incident, an incident's root event). */
    private static void addIds(Set<Long> ids, AuditEntry entry, String field) {
        for (FieldChange change : entry.changeList()) {
            if (field.equals(change.field())) {
                for (String id : new String[]{change.oldValue(), change.newValue()}) {
                    if (id != null) {
                        ids.add(Long.valueOf(id));
                    }
                }
            }
        }
    }

    /** The line's accounting date as booked ({@code created}) or as it was when removed; null when not recorded. */
    private static LocalDate accountingDate(AuditEntry entry, boolean created) {
        for (FieldChange change : entry.changeList()) {
            if ("accountingDate".equals(change.field())) {
                String value = created ? change.newValue() : change.oldValue();
                try {
                    return value == null ? null : LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
