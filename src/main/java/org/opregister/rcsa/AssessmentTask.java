package org.opregister.rcsa;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import org.opregister.risk.Rating;
import org.opregister.risk.Risk;
import org.opregister.risk.RiskRatings;

/**
 * One risk's self-assessment in a campaign: the ratings the risk had when the campaign opened ("before"), and
 * the assessor's answers, which start from the risk's last approved assessment.
 */
@Entity
@Table(name = "assessment_task")
public class AssessmentTask extends TrackedEntity implements AuditSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_task_seq")
    @SequenceGenerator(name = "assessment_task_seq", sequenceName = "assessment_task_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "campaign_id", nullable = false, updatable = false)
    public AssessmentCampaign campaign;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "risk_id", nullable = false, updatable = false)
    public Risk risk;

    /** The user who answers; none until a manager assigns one when the risk names no assessor. */
    @Column(length = 64)
    public String assignee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public AssessmentStatus status = AssessmentStatus.NOT_STARTED;

    @Column(name = "before_inherent_likelihood", nullable = false)
    public int beforeInherentLikelihood;

    @Column(name = "before_inherent_impact", nullable = false)
    public int beforeInherentImpact;

    @Column(name = "before_residual_likelihood", nullable = false)
    public int beforeResidualLikelihood;

    @Column(name = "before_residual_impact", nullable = false)
    public int beforeResidualImpact;

    @Column(name = "inherent_likelihood", nullable = false)
    public int inherentLikelihood;

    @Column(name = "inherent_impact", nullable = false)
    public int inherentImpact;

    @Column(name = "residual_likelihood", nullable = false)
    public int residualLikelihood;

    @Column(name = "residual_impact", nullable = false)
    public int residualImpact;

    @Column(name = "residual_comment", length = Risk.COMMENT_MAX)
    public String residualComment;

    @Column(name = "assessor_comment", length = Risk.TEXT_MAX)
    public String assessorComment;

    /**
     * Everyone who saved answers to this task, whoever submitted it: none of them may approve it. Kept across
     * returns and reassignments, since answers written before can still be among those approved.
     */
    @ElementCollection
    @CollectionTable(name = "assessment_task_editor", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "username", length = 64, nullable = false)
    public Set<String> editors = new HashSet<>();

    /** Submission and review: the reviewer's words say why it was returned, or note the approval. */
    @Embedded
    public ReviewRecord review = new ReviewRecord();

    @Override
    public String auditLabel() {
        return campaign.reference + " / " + risk.reference;
    }

    @Override
    public String auditPath() {
        return "/assessments/tasks/" + id;
    }

    @Override
    public Object auditParent() {
        return campaign;
    }

    public Rating beforeInherent() {
        return new Rating(beforeInherentLikelihood, beforeInherentImpact);
    }

    public Rating beforeResidual() {
        return new Rating(beforeResidualLikelihood, beforeResidualImpact);
    }

    public Rating inherent() {
        return new Rating(inherentLikelihood, inherentImpact);
    }

    public Rating residual() {
        return new Rating(residualLikelihood, residualImpact);
    }

    public boolean editedBy(String username) {
        return editors.contains(username);
    }

    /** The editors in name order, for the page. */
    public List<String> editorList() {
        return editors.stream().sorted().toList();
    }

    /** Returned by a reviewer and not yet submitted again. */
    public boolean returned() {
        return status == AssessmentStatus.IN_PROGRESS && review.reviewedBy != null;
    }

    public boolean editable() {
        return campaign.open() && status.editable();
    }

    public boolean reviewable() {
        return campaign.open() && status == AssessmentStatus.SUBMITTED;
    }

    /**
     * Four-eyes on an RCSA task: a submitted task of an open campaign is decided (approved or returned) by someone
     * other than its assessor and its submitter; approving also needs someone who edited none of its answers
     * ({@link #approvableBy}). The service's guard, the review queue and the page all ask these.
     */
    public boolean decidableBy(String user) {
        return reviewable() && !user.equals(assignee) && !review.wasSubmittedBy(user);
    }

    /** May approve: may decide, and wrote none of the answers. */
    public boolean approvableBy(String user) {
        return decidableBy(user) && !editedBy(user);
    }

    public List<AssessmentControl> controls() {
        return AssessmentControl.ofTask(this);
    }

    static List<AssessmentTask> ofCampaign(AssessmentCampaign campaign) {
        return list("campaign = ?1 order by risk.reference", campaign);
    }

    /** The risk's assessments, newest campaign first. */
    public static List<AssessmentTask> ofRisk(Risk risk) {
        return list("risk = ?1 order by campaign.periodEnd desc, id desc", risk);
    }

    /** The risk's most recent approved assessment, the starting point of its next one. */
    static AssessmentTask lastApproved(Risk risk) {
        return find("risk = ?1 and status = ?2 order by review.reviewedAt desc, id desc", risk,
                AssessmentStatus.APPROVED)
                .firstResult();
    }

    /** Tasks of open campaigns on these risks that are not approved yet: a risk is in one open campaign at a time. */
    static List<AssessmentTask> pendingFor(List<Risk> risks) {
        return risks.isEmpty()
                ? List.of()
                : list("risk in ?1 and status <> ?2 and campaign.status = ?3 order by risk.reference", risks,
                        AssessmentStatus.APPROVED, CampaignStatus.OPEN);
    }

    /** The user's tasks still to answer, in open campaigns, soonest due first. */
    public static List<AssessmentTask> toAnswer(String username) {
        return list(TO_ANSWER + " order by campaign.dueDate, risk.reference", username, UNANSWERED,
                CampaignStatus.OPEN);
    }

    /** How many {@link #toAnswer} lists, counted in the database. */
    public static long countToAnswer(String username) {
        return count(TO_ANSWER, username, UNANSWERED, CampaignStatus.OPEN);
    }

    private static final String TO_ANSWER = "assignee = ?1 and status in ?2 and campaign.status = ?3";
    private static final List<AssessmentStatus> UNANSWERED = List.of(AssessmentStatus.NOT_STARTED,
            AssessmentStatus.IN_PROGRESS);

    /** Submitted tasks of open campaigns that this user may approve ({@link #approvableBy}), oldest first. */
    public static List<AssessmentTask> awaitingDecisionBy(String username) {
        return list(AWAITING_DECISION + " order by review.submittedAt, id", AssessmentStatus.SUBMITTED,
                CampaignStatus.OPEN, username);
    }

    /** How many {@link #awaitingDecisionBy} lists, counted in the database. */
    public static long countAwaitingDecisionBy(String username) {
        return count(AWAITING_DECISION, AssessmentStatus.SUBMITTED, CampaignStatus.OPEN, username);
    }

    private static final String AWAITING_DECISION = "status = ?1 and campaign.status = ?2"
            + " and (assignee is null or assignee <> ?3) and (review.submittedBy is null or review.submittedBy <> ?3)"
            + " and ?3 not member of editors";

    /** Tasks with their campaign and risk, of one campaign (by reference) or all, in campaign then risk order. */
    static java.util.stream.Stream<AssessmentTask> streamForExport(String campaignReference) {
        String where = campaignReference == null ? "" : " where c.reference = :campaign";
        var query = getEntityManager().createQuery("select t from AssessmentTask t join fetch t.campaign c"
                + " join fetch t.risk r" + where + " order by c.periodEnd, c.id, r.reference", AssessmentTask.class);
        if (campaignReference != null) {
            query.setParameter("campaign", campaignReference);
        }
        return query.getResultStream();
    }

    /** The ratings this assessment gives the risk, with its residual comment. */
    public RiskRatings ratings() {
        return new RiskRatings(inherent(), residual(), residualComment);
    }

    /** Starts the assessment from these ratings (the last approved assessment's, or the risk's own). */
    void apply(RiskRatings ratings) {
        inherentLikelihood = ratings.inherent().likelihood();
        inherentImpact = ratings.inherent().impact();
        residualLikelihood = ratings.residual().likelihood();
        residualImpact = ratings.residual().impact();
        residualComment = ratings.residualComment();
    }
}
