package org.opregister.dora;

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
import org.opregister.core.TrackedEntity;

/** A report submitted to the competent authority; a stage submitted again (an update) is a further row. */
@Entity
@Table(name = "dora_report")
public class DoraReport extends TrackedEntity implements AuditSubject {

    public static final int REFERENCE_MAX = 100;
    public static final int NOTE_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dora_report_seq")
    @SequenceGenerator(name = "dora_report_seq", sequenceName = "dora_report_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "dora_record_id", nullable = false, updatable = false)
    public DoraRecord record;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ReportStage stage;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "submitted_by", nullable = false, length = 64)
    public String submittedBy;

    @Column(name = "authority_reference", length = REFERENCE_MAX)
    public String authorityReference;

    @Column(length = NOTE_MAX)
    public String note;

    @Override
    public String auditLabel() {
        return record.incident.reference + " " + stage;
    }

    /** Every submission of the record, in order. */
    public static List<DoraReport> of(DoraRecord record) {
        return list("record = ?1 order by submittedAt, id", record);
    }
}
