package org.opregister.action;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.attachment.Attachable;
import org.opregister.audit.AuditSubject;
import org.opregister.comment.Commentable;
import org.opregister.core.AppClock;
import org.opregister.core.ReviewRecord;
import org.opregister.core.TrackedEntity;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.Where;

/** A remediation with an owner and a due date, closed only after review by a manager who is not its owner. */
@Entity
@Table(name = "action_plan")
public class ActionPlan extends TrackedEntity implements AuditSubject, Commentable, Attachable {

    public static final int EXTERNAL_REFERENCE_MAX = 64;

    public static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 4000;
    public static final int COMMENT_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "action_plan_seq")
    @SequenceGenerator(name = "action_plan_seq", sequenceName = "action_plan_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 40)
    public String reference;

    /** The bank's own reference, from the system it was imported from; null when recorded here. */
    @Column(name = "external_reference", unique = true, length = EXTERNAL_REFERENCE_MAX)
    public String externalReference;

    @Column(nullable = false, length = TITLE_MAX)
    public String title;

    @Column(length = TEXT_MAX)
    public String description;

    /** Username of the user who does the work. */
    @Column(nullable = false, length = 64)
    public String owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ActionStatus status = ActionStatus.NOT_STARTED;

    @Column(nullable = false)
    public int progress;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    /** The due date first agreed; extensions move {@link #dueDate} only. */
    @Column(name = "original_due_date", nullable = false, updatable = false)
    public LocalDate originalDueDate;

    /** The owner's evidence that the work is done. */
    @Column(name = "closure_note", length = TEXT_MAX)
    public String closureNote;

    /**
     * The closure request and its review: why it was returned, or why the plan was cancelled, or a note on approval.
     */
    @AttributeOverrides({
            @AttributeOverride(name = "submittedBy", column = @Column(name = "closure_requested_by")),
            @AttributeOverride(name = "submittedAt", column = @Column(name = "closure_requested_at"))})
    @Embedded
    public ReviewRecord review = new ReviewRecord();

    @Column(name = "completed_on")
    public LocalDate completedOn;

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
        return "/actions/" + id;
    }

    public boolean overdue() {
        return overdueOn(AppClock.today());
    }

    public boolean overdueOn(LocalDate today) {
        return status.open() && dueDate.isBefore(today);
    }

    public Aging aging() {
        return Aging.of(dueDate, AppClock.today());
    }

    /**
     * Four-eyes on closure: a closure request is decided by someone other than the owner and the one who asked. The
     * service's guard, the review queue and the page all ask this.
     */
    public boolean decidableBy(String user) {
        return status == ActionStatus.PENDING_REVIEW && !user.equals(owner) && !review.wasSubmittedBy(user);
    }

    /** The closure requests this user may decide ({@link #decidableBy}), oldest request first. */
    public static List<ActionPlan> awaitingDecisionBy(String user) {
        return list(AWAITING_DECISION + " order by review.submittedAt, id", ActionStatus.PENDING_REVIEW, user);
    }

    /** How many {@link #awaitingDecisionBy} lists, counted in the database. */
    public static long countAwaitingDecisionBy(String user) {
        return count(AWAITING_DECISION, ActionStatus.PENDING_REVIEW, user);
    }

    private static final String AWAITING_DECISION = "status = ?1 and owner <> ?2 and (review.submittedBy is null or review.submittedBy <> ?2)";

    public boolean extended() {
        return !dueDate.equals(originalDueDate);
    }

    /** Returned by a reviewer and not asked to close again. */
    public boolean returned() {
        return status == ActionStatus.IN_PROGRESS && review.reviewedBy != null && review.submittedAt != null;
    }

    public List<ActionSource> sources() {
        return ActionSource.of(this);
    }

    public ActionExtension pendingExtension() {
        return ActionExtension.pendingOf(this);
    }

    /** The owner and managers edit a plan; only a manager gives it to someone else. */
    public boolean editableBy(String username, boolean manager) {
        return manager || username.equals(owner);
    }

    @Override
    public String commentRecordType() {
        return "ActionPlan";
    }

    @Override
    public long commentRecordId() {
        return id;
    }

    @Override
    public String attachmentRecordType() {
        return "ActionPlan";
    }

    @Override
    public long attachmentRecordId() {
        return id;
    }

    /** One page of the plans matching the list's filter, soonest due first. */
    public static PageResult<ActionPlan> search(ActionFilter filter, PageRequest page, LocalDate today) {
        Where where = filter.where(today, true);
        return PageResult.of(find("from ActionPlan a where " + where.clause() + " order by a.dueDate, a.id",
                where.parameters()), page);
    }

    /** Every plan matching the list's filter, soonest due first (the export). */
    public static Stream<ActionPlan> streamAll(ActionFilter filter, LocalDate today) {
        Where where = filter.where(today, true);
        return stream("from ActionPlan a where " + where.clause() + " order by a.dueDate, a.id", where.parameters());
    }

    /** Plans this user owns that are not started or under way. */
    public static long countInProgressOwnedBy(String user) {
        return count("owner = ?1 and status in ?2", user, List.of(ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS));
    }

    /** Open plans past their due date. */
    public static long countOverdue(LocalDate today) {
        return count("status in ?1 and dueDate < ?2", ActionStatus.OPEN, today);
    }

    static long count(Where where) {
        return count("from ActionPlan a where " + where.clause(), where.parameters());
    }

    public static Optional<ActionPlan> findByExternalReference(String externalReference) {
        return find("externalReference", externalReference).firstResultOptional();
    }
}
