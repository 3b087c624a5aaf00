package org.opregister.controltest;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.control.Control;
import org.opregister.core.TrackedEntity;

/** One control in a certification round, with the answer of the user who certifies it. */
@Entity
@Table(name = "attestation")
public class Attestation extends TrackedEntity implements AuditSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attestation_seq")
    @SequenceGenerator(name = "attestation_seq", sequenceName = "attestation_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "campaign_id", nullable = false, updatable = false)
    public AttestationCampaign campaign;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "control_id", nullable = false, updatable = false)
    public Control control;

    @Column(length = 64)
    public String assignee;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public AttestationResponse response;

    @Column(name = "response_comment", length = 2000)
    public String comment;

    @Column(name = "answered_by", length = 64)
    public String answeredBy;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Override
    public String auditLabel() {
        return campaign.reference + " / " + control.reference;
    }

    @Override
    public Object auditParent() {
        return campaign;
    }

    /** The user's controls still to certify, in open rounds. */
    public static List<Attestation> toAnswer(String username) {
        return list(TO_ANSWER + " order by campaign.dueDate, control.reference", username, RoundStatus.OPEN);
    }

    /** How many {@link #toAnswer} lists, counted in the database. */
    public static long countToAnswer(String username) {
        return count(TO_ANSWER, username, RoundStatus.OPEN);
    }

    private static final String TO_ANSWER = "assignee = ?1 and response is null and campaign.status = ?2";

    static java.util.stream.Stream<Attestation> streamForExport(String campaignReference) {
        String where = campaignReference == null ? "" : " where c.reference = :campaign";
        var query = getEntityManager()
                .createQuery("select a from Attestation a join fetch a.campaign c join fetch a.control k"
                        + where + " order by c.periodEnd, c.id, k.reference", Attestation.class);
        if (campaignReference != null) {
            query.setParameter("campaign", campaignReference);
        }
        return query.getResultStream();
    }
}
