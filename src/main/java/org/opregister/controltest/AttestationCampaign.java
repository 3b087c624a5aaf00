package org.opregister.controltest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.core.TrackedEntity;

/** A self-certification round: control owners certify their controls for a period, until a manager closes it. */
@Entity
@Table(name = "attestation_campaign")
public class AttestationCampaign extends TrackedEntity implements AuditSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attestation_campaign_seq")
    @SequenceGenerator(name = "attestation_campaign_seq", sequenceName = "attestation_campaign_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 40)
    public String reference;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    /** Open until a manager closes the round. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public RoundStatus status = RoundStatus.OPEN;

    @Column(name = "closed_by", length = 64)
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Override
    public String auditLabel() {
        return reference;
    }

    @Override
    public String auditTitle() {
        return title;
    }

    @Override
    public String auditPath() {
        return "/attestations/" + id;
    }

    public boolean open() {
        return status == RoundStatus.OPEN;
    }

    public List<Attestation> items() {
        return Attestation.list("campaign = ?1 order by control.reference", this);
    }

    public long answered() {
        return Attestation.count("campaign = ?1 and response is not null", this);
    }

    public long total() {
        return Attestation.count("campaign", this);
    }

    public long exceptions() {
        return Attestation.count("campaign = ?1 and response = ?2", this, AttestationResponse.EXCEPTIONS);
    }

    public static AttestationCampaign findByReference(String reference) {
        return find("reference", reference).firstResult();
    }
}
