package org.opregister.action;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import org.opregister.core.ReviewRecord;
import org.opregister.core.TrackedEntity;

/** A request to move an action plan's due date, with its reason and a manager's decision. */
@Entity
@Table(name = "action_extension")
public class ActionExtension extends TrackedEntity implements AuditSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "action_extension_seq")
    @SequenceGenerator(name = "action_extension_seq", sequenceName = "action_extension_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "action_id", nullable = false, updatable = false)
    public ActionPlan action;

    @Column(name = "previous_due_date", nullable = false, updatable = false)
    public LocalDate previousDueDate;

    @Column(name = "requested_due_date", nullable = false, updatable = false)
    public LocalDate requestedDueDate;

    @Column(nullable = false, length = ActionPlan.COMMENT_MAX)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ExtensionStatus status = ExtensionStatus.PENDING;

    /** The request (who asked, when) and the decision on it. */
    @AttributeOverrides({
            @AttributeOverride(name = "submittedBy", column = @Column(name = "requested_by")),
            @AttributeOverride(name = "submittedAt", column = @Column(name = "requested_at")),
            @AttributeOverride(name = "reviewedBy", column = @Column(name = "decided_by")),
            @AttributeOverride(name = "reviewedAt", column = @Column(name = "decided_at")),
            @AttributeOverride(name = "reviewComment", column = @Column(name = "decision_comment"))})
    @Embedded
    public ReviewRecord review = new ReviewRecord();

    @Override
    public String auditLabel() {
        return action.reference + " extension to " + requestedDueDate;
    }

    @Override
    public Object auditParent() {
        return action;
    }

    public static List<ActionExtension> of(ActionPlan action) {
        return list("action = ?1 order by createdAt desc, id desc", action);
    }

    static ActionExtension pendingOf(ActionPlan action) {
        return find("action = ?1 and status = ?2", action, ExtensionStatus.PENDING).firstResult();
    }

    /**
     * Four-eyes on an extension: decided by someone other than the plan's owner and the one who asked. The service's
     * guard, the review queue, the reminders and the page all ask this.
     */
    public boolean decidableBy(String user) {
        return status == ExtensionStatus.PENDING && !user.equals(action.owner) && !review.wasSubmittedBy(user);
    }

    /** The pending requests this user may decide ({@link #decidableBy}), oldest first. */
    public static List<ActionExtension> awaitingDecisionBy(String user) {
        return list(AWAITING_DECISION + " order by review.submittedAt, id", ExtensionStatus.PENDING, user);
    }

    /** How many {@link #awaitingDecisionBy} lists, counted in the database. */
    public static long countAwaitingDecisionBy(String user) {
        return count(AWAITING_DECISION, ExtensionStatus.PENDING, user);
    }

    private static final String AWAITING_DECISION = "status = ?1 and review.submittedBy <> ?2 and action.owner <> ?2";

}
