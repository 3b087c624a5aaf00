package org.opregister.controltest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.opregister.core.NotAudited;

/** The bytes of an evidence file, kept in the database so they survive restarts and go with every backup. */
@Entity
@NotAudited
@Table(name = "evidence_content")
public class EvidenceContent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_content_seq")
    @SequenceGenerator(name = "evidence_content_seq", sequenceName = "evidence_content_seq", allocationSize = 50)
    public Long id;

    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    public byte[] data;
}
