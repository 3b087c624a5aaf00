package org.opregister.dora;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.core.AppClock;
import org.opregister.core.TrackedEntity;
import org.opregister.ict.BusinessService;
import org.opregister.incident.Incident;

/**
 * The DORA side of one incident: whether it is ICT-related, its timestamps (UTC), the services it affected, the
 * classification criteria of Delegated Regulation 2024/1772 with their evidence, and the result of the latest
 * classification ({@link #major}, null until classified). Each classification is kept in {@link DoraClassification};
 * reports submitted in {@link DoraReport}.
 */
@Entity
@Table(name = "dora_record")
public class DoraRecord extends TrackedEntity implements AuditSubject {

    public static final int EVIDENCE_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dora_record_seq")
    @SequenceGenerator(name = "dora_record_seq", sequenceName = "dora_record_seq", allocationSize = 50)
    public Long id;

    @OneToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "incident_id", nullable = false, updatable = false)
    public Incident incident;

    @Column(name = "ict_related", nullable = false)
    public boolean ictRelated;

    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "detected_at")
    public Instant detectedAt;
    @Column(name = "aware_at")
    public Instant awareAt;
    /** When the incident was classified as major (the clock of 2025/301 Art. 5 starts here). */
    @Column(name = "classified_at")
    public Instant classifiedAt;
    @Column(name = "recovered_at")
    public Instant recoveredAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "dora_record_service", joinColumns = @JoinColumn(name = "dora_record_id"), inverseJoinColumns = @JoinColumn(name = "business_service_id"))
    @OrderBy("code")
    public Set<BusinessService> services = new LinkedHashSet<>();

    /** Art. 6(b): financial services that require authorisation or are supervised were affected. */
    @Column(name = "supervised_services", nullable = false)
    public boolean supervisedServices;
    @Column(name = "critical_evidence", length = EVIDENCE_MAX)
    public String criticalEvidence;

    @Column(name = "clients_affected")
    public Long clientsAffected;
    @Column(name = "clients_share", precision = 9, scale = 4)
    public BigDecimal clientsShare;
    @Column(name = "counterparts_share", precision = 9, scale = 4)
    public BigDecimal counterpartsShare;
    @Column(name = "transactions_share", precision = 9, scale = 4)
    public BigDecimal transactionsShare;
    @Column(name = "transactions_value_share", precision = 9, scale = 4)
    public BigDecimal transactionsValueShare;
    @Column(name = "relevant_affected", nullable = false)
    public boolean relevantAffected;
    @Column(name = "clients_evidence", length = EVIDENCE_MAX)
    public String clientsEvidence;

    @Column(name = "media_coverage", nullable = false)
    public boolean mediaCoverage;
    @Column(nullable = false)
    public boolean complaints;
    @Column(name = "lost_clients", nullable = false)
    public boolean lostClients;
    @Column(name = "regulatory_attention", nullable = false)
    public boolean regulatoryAttention;
    @Column(name = "reputation_evidence", length = EVIDENCE_MAX)
    public String reputationEvidence;

    @Column(name = "duration_evidence", length = EVIDENCE_MAX)
    public String durationEvidence;

    /** ISO 3166-1 alpha-2 codes of the Member States with an impact, space-separated, sorted. */
    @Column(name = "member_states", length = 200)
    public String memberStates;
    @Column(name = "geography_evidence", length = EVIDENCE_MAX)
    public String geographyEvidence;

    @Column(name = "data_availability", nullable = false)
    public boolean dataAvailability;
    @Column(name = "data_authenticity", nullable = false)
    public boolean dataAuthenticity;
    @Column(name = "data_integrity", nullable = false)
    public boolean dataIntegrity;
    @Column(name = "data_confidentiality", nullable = false)
    public boolean dataConfidentiality;
    /** Art. 9(5)(a): the data impact harms the business objectives or meeting regulatory requirements. */
    @Column(name = "data_adverse", nullable = false)
    public boolean dataAdverse;
    @Column(name = "data_evidence", length = EVIDENCE_MAX)
    public String dataEvidence;

    /** Costs and losses of Art. 7 the loss ledger does not hold (forgone revenues...), EUR. */
    @Column(name = "other_costs", precision = 19, scale = 2)
    public BigDecimal otherCosts;
    @Column(name = "costs_evidence", length = EVIDENCE_MAX)
    public String costsEvidence;

    @Column(name = "malicious_access", nullable = false)
    public boolean maliciousAccess;
    @Column(name = "malicious_evidence", length = EVIDENCE_MAX)
    public String maliciousEvidence;

    /** The result of the latest classification; null until classified. */
    @Column
    public Boolean major;

    @Column(nullable = false)
    public int classifications;

    @Override
    public String auditLabel() {
        return incident.reference;
    }

    @Override
    public String auditTitle() {
        return "DORA";
    }

    @Override
    public String auditPath() {
        return "/dora/incidents/" + incident.id;
    }

    public Set<String> memberStateSet() {
        Set<String> states = new TreeSet<>();
        if (memberStates != null) {
            for (String code : memberStates.trim().split("\\s+")) {
                if (!code.isEmpty()) {
                    states.add(code);
                }
            }
        }
        return states;
    }

    public boolean criticalServiceAffected() {
        return services.stream().anyMatch(s -> s.criticalOrImportant);
    }

    /** Art. 3(1): from occurrence (or, unknown, detection) to resolution; null while either end is unknown. */
    public Duration duration() {
        Instant start = occurredAt != null ? occurredAt : detectedAt;
        return start == null || resolvedAt == null ? null : Duration.between(start, resolvedAt);
    }

    /** Art. 3(2): from the unavailability (occurrence, else detection) until the service is recovered. */
    public Duration downtime() {
        Instant start = occurredAt != null ? occurredAt : detectedAt;
        return start == null || recoveredAt == null ? null : Duration.between(start, recoveredAt);
    }

    /** Art. 7: the ledger's gross loss (without recoveries) plus the costs it does not hold. */
    public BigDecimal economicImpact() {
        BigDecimal ledger = incident.grossLoss == null ? BigDecimal.ZERO : incident.grossLoss;
        return otherCosts == null ? ledger : ledger.add(otherCosts);
    }

    /** The classification's inputs as of now. */
    public DoraClassifier.Inputs inputs() {
        return inputs(AppClock.now());
    }

    /**
     * The classification's inputs as of {@code asOf}: an incident not yet resolved has lasted until then, and a
     * service not yet recovered is still down (Art. 9(3) can be met while the incident goes on).
     */
    public DoraClassifier.Inputs inputs(Instant asOf) {
        Instant start = occurredAt != null ? occurredAt : detectedAt;
        boolean ongoing = start != null && resolvedAt == null && asOf.isAfter(start);
        Duration duration = duration() != null ? duration() : ongoing ? Duration.between(start, asOf) : null;
        Duration downtime = downtime() != null
                ? downtime()
                : start != null && recoveredAt == null && asOf.isAfter(start) ? Duration.between(start, asOf) : null;
        return new DoraClassifier.Inputs(criticalServiceAffected(), supervisedServices, clientsAffected, clientsShare,
                counterpartsShare, transactionsShare, transactionsValueShare, relevantAffected, mediaCoverage,
                complaints, lostClients, regulatoryAttention, duration, downtime, memberStateSet(),
                dataAvailability, dataAuthenticity, dataIntegrity, dataConfidentiality, dataAdverse, economicImpact(),
                maliciousAccess, ongoing);
    }

    public static DoraRecord forIncident(long incidentId) {
        return find("incident.id", incidentId).firstResult();
    }

    /** The ICT-related incidents' records, newest incident first. */
    public static List<DoraRecord> ictRelated() {
        return list("select r from DoraRecord r join fetch r.incident i where r.ictRelated = true"
                + " order by i.occurrenceDate desc, i.id desc");
    }

    /** The records classified major (their reports have time limits). */
    public static List<DoraRecord> majors() {
        return list("select r from DoraRecord r join fetch r.incident i where r.ictRelated = true and r.major = true"
                + " order by i.id");
    }

    /** Ledger lines of major ICT-related incidents: accounting date, type, recovery status, amount, incident id. */
    static List<Object[]> majorLedgerLines() {
        return getEntityManager().createQuery("select l.accountingDate, l.type, l.recoveryStatus, l.reportingAmount,"
                + " i.id from LossEntry l join l.incident i, DoraRecord r where r.incident = i and r.ictRelated = true"
                + " and r.major = true", Object[].class).getResultList();
    }

    /** Costs outside the ledger of major ICT-related incidents: occurrence date, amount, incident id. */
    static List<Object[]> majorOtherCosts() {
        return getEntityManager().createQuery("select i.occurrenceDate, r.otherCosts, i.id from DoraRecord r"
                + " join r.incident i where r.ictRelated = true and r.major = true and r.otherCosts is not null",
                Object[].class).getResultList();
    }

    /** ICT-related incidents not classified major that have a root cause (the candidates of 2024/1772 Art. 8(2)). */
    static List<DoraRecord> recurringCandidates() {
        return list("select r from DoraRecord r join fetch r.incident i where r.ictRelated = true"
                + " and (r.major is null or r.major = false) and i.rootCause is not null order by i.id");
    }
}
