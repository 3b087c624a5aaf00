package org.opregister.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.opregister.audit.AuditEntry;
import org.opregister.audit.FieldChange;

/**
 * The review trail of an incident, oldest first, read from its own audit trail: every change of status (recorded,
 * submitted, returned, closed, reopened) with who made it, when, and the comment given with it (the reason for a
 * return, the reviewer's note on closure). The incident itself keeps only its last review; the trail keeps them all.
 */
public record ReviewTrail(List<Step> steps) {

    /** One change of status; {@code from} is null when the incident was recorded. */
    public record Step(Instant at, String username, IncidentStatus from, IncidentStatus to, String comment) {
    }

    public static ReviewTrail of(Incident incident) {
        List<Step> steps = new ArrayList<>();
        for (AuditEntry entry : AuditEntry.changesOf("Incident", incident.id, "status")) {
            FieldChange status = null;
            String comment = null;
            for (FieldChange change : entry.changeList()) {
                if ("status".equals(change.field())) {
                    status = change;
                } else if ("reviewComment".equals(change.field())) {
                    comment = change.newValue();
                }
            }
            IncidentStatus to = status == null ? null : parse(status.newValue());
            if (to != null) {
                steps.add(new Step(entry.occurredAt, entry.username, parse(status.oldValue()), to, comment));
            }
        }
        return new ReviewTrail(steps);
    }

    private static IncidentStatus parse(String code) {
        if (code == null) {
            return null;
        }
        for (IncidentStatus status : IncidentStatus.values()) {
            if (status.name().equals(code)) {
                return status;
            }
        }
        return null;
    }
}
