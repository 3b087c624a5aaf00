package org.opregister.dora;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/** One classification as it was made: number, result, the thresholds met, the inputs read, who and when. */
@Entity
@Table(name = "dora_classification")
public class DoraClassification extends TrackedEntity implements AuditSubject {

    public static final int INPUTS_MAX = 8000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dora_classification_seq")
    @SequenceGenerator(name = "dora_classification_seq", sequenceName = "dora_classification_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "dora_record_id", nullable = false, updatable = false)
    public DoraRecord record;

    @Column(nullable = false, updatable = false)
    public int number;

    @Column(nullable = false, updatable = false)
    public boolean major;

    /** The articles of the thresholds met, e.g. "9(1) 9(3) 9(6)". */
    @Column(name = "thresholds_met", nullable = false, updatable = false, length = 200)
    public String thresholdsMet;

    /** The inputs read, one {@code name=value} a line. */
    @Column(nullable = false, updatable = false, length = INPUTS_MAX)
    public String inputs;

    @Column(name = "classified_at", nullable = false, updatable = false)
    public Instant classifiedAt;

    @Column(name = "classified_by", nullable = false, updatable = false, length = 64)
    public String classifiedBy;

    @Override
    public String auditLabel() {
        return record.incident.reference + " #" + number;
    }

    public static List<DoraClassification> of(DoraRecord record) {
        return list("record = ?1 order by number desc", record);
    }
}
