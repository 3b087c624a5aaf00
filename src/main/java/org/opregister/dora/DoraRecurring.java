package org.opregister.dora;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.core.TrackedEntity;
import org.opregister.incident.Incident;

/**
 * A group of recurring incidents the monthly assessment proposes (Delegated Regulation 2024/1772, Art. 8(2)): two or
 * more ICT-related incidents, not major one by one, that occurred within six months with the same apparent root
 * cause and together meet the criteria of Art. 8(1). A manager confirms (they count as one major incident) or
 * dismisses it. One proposal per monthly run and root cause (unique), so two runs at once propose it once.
 */
@Entity
@Table(name = "dora_recurring")
public class DoraRecurring extends TrackedEntity implements AuditSubject {

    public static final int CAUSE_KEY_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dora_recurring_seq")
    @SequenceGenerator(name = "dora_recurring_seq", sequenceName = "dora_recurring_seq", allocationSize = 50)
    public Long id;

    /** The month assessed, {@code YYYY-MM}. */
    @Column(name = "run_key", nullable = false, updatable = false, length = 20)
    public String runKey;

    /** The root cause as compared (lower case, spaces collapsed, cut to 200 characters). */
    @Column(name = "cause_key", nullable = false, updatable = false, length = CAUSE_KEY_MAX)
    public String causeKey;

    @Column(name = "root_cause", nullable = false, updatable = false, length = Incident.TEXT_MAX)
    public String rootCause;

    @Column(name = "thresholds_met", nullable = false, updatable = false, length = 200)
    public String thresholdsMet;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public RecurringStatus status = RecurringStatus.PROPOSED;

    @Column(name = "decided_by", length = 64)
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "dora_recurring_incident", joinColumns = @JoinColumn(name = "dora_recurring_id"), inverseJoinColumns = @JoinColumn(name = "incident_id"))
    @OrderBy("occurrenceDate, id")
    public Set<Incident> incidents = new LinkedHashSet<>();

    @Override
    public String auditLabel() {
        return runKey + " " + (rootCause.length() > 60 ? rootCause.substring(0, 60) : rootCause);
    }

    @Override
    public String auditPath() {
        return "/dora#recurring";
    }

    /** Every proposal, the undecided first, newest run first. */
    public static List<DoraRecurring> all() {
        return list("order by case when status = ?1 then 0 else 1 end, runKey desc, id desc",
                RecurringStatus.PROPOSED);
    }

    static DoraRecurring of(String runKey, String causeKey) {
        return find("runKey = ?1 and causeKey = ?2", runKey, causeKey).firstResult();
    }
}
