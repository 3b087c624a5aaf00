package org.opregister.core;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The review of a piece of work, as every workflow keeps it: who submitted it and when, who decided on it and when,
 * and the reviewer's comment. Entities embed it (renaming columns where older tables named them otherwise); the
 * audit trail records its fields under their own names.
 */
@Embeddable
public class ReviewRecord {

    public static final int COMMENT_MAX = 2000;

    /**
     * How many times the work was submitted for review: rework shows as more than one. Never null, which also keeps
     * Hibernate from loading a never-submitted review as null.
     */
    @Column(name = "submissions", nullable = false)
    public int submissions;

    @Column(name = "submitted_by", length = 64)
    public String submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "reviewed_by", length = 64)
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "review_comment", length = COMMENT_MAX)
    public String reviewComment;

    /** Submitted (again) by that user at that time: an earlier decision no longer stands. */
    public void submit(String user, Instant at) {
        submissions++;
        submittedBy = user;
        submittedAt = at;
        reviewedBy = null;
        reviewedAt = null;
        reviewComment = null;
    }

    /** Decided by that reviewer at that time, with their comment (may be null). */
    public void decide(String reviewer, Instant at, String comment) {
        reviewedBy = reviewer;
        reviewedAt = at;
        reviewComment = comment;
    }

    /** The work is open again: no review stands (the count of submissions stays). */
    public void clear() {
        submittedBy = null;
        submittedAt = null;
        reviewedBy = null;
        reviewedAt = null;
        reviewComment = null;
    }

    public boolean wasSubmittedBy(String user) {
        return user.equals(submittedBy);
    }
}
