package org.opregister.comment;

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
import jakarta.persistence.Transient;

import org.opregister.audit.AuditSubject;
import org.opregister.core.TrackedEntity;

/**
 * One entry of a record's discussion thread: who wrote what, when (the created stamps). Comments are only ever
 * added: no column can be updated and nothing deletes them, so the thread is the record of what was said.
 */
@Entity
@Table(name = "record_comment")
public class Comment extends TrackedEntity implements AuditSubject {

    public static final int BODY_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "record_comment_seq")
    @SequenceGenerator(name = "record_comment_seq", sequenceName = "record_comment_seq", allocationSize = 50)
    public Long id;

    @Column(name = "record_type", nullable = false, updatable = false, length = 40)
    public String recordType;

    @Column(name = "record_id", nullable = false, updatable = false)
    public long recordId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 30)
    public CommentKind kind;

    @Column(nullable = false, updatable = false, length = BODY_MAX)
    public String body;

    /** The record commented on, while this comment is being added: its History tab then shows the comment. */
    @Transient
    Commentable record;

    /** Adds a comment to the record's thread, written by the signed-in user (stamps) now. */
    public static Comment add(Commentable record, CommentKind kind, String body) {
        Comment comment = new Comment();
        comment.record = record;
        comment.recordType = record.commentRecordType();
        comment.recordId = record.commentRecordId();
        comment.kind = kind;
        comment.body = body;
        comment.persist();
        return comment;
    }

    /** The record's thread, oldest first (newest last). */
    public static List<Comment> thread(Commentable record) {
        return list("recordType = ?1 and recordId = ?2 order by createdAt, id", record.commentRecordType(),
                record.commentRecordId());
    }

    @Override
    public String auditLabel() {
        return kind.name();
    }

    @Override
    public Object auditParent() {
        return record;
    }
}
