package org.opregister.attachment;

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

/**
 * The bytes of a stored file (control-test evidence, an attachment), kept in the database so they survive restarts and
 * go with every backup; apart from the file's description so that lists never load them. The table keeps the name it
 * had when only control tests had files.
 */
@Entity
@NotAudited
@Table(name = "evidence_content")
public class FileContent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_content_seq")
    @SequenceGenerator(name = "evidence_content_seq", sequenceName = "evidence_content_seq", allocationSize = 50)
    public Long id;

    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    public byte[] data;
}
