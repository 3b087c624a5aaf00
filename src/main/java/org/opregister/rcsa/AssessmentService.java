package org.opregister.rcsa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opregister.control.Control;
import org.opregister.core.AppClock;
import org.opregister.core.ClusterLock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.Records;
import org.opregister.core.ReferenceCounter;
import org.opregister.core.Review;
import org.opregister.core.RuleViolationException;
import org.opregister.risk.Risk;
import org.opregister.risk.RiskRatings;
import org.opregister.risk.RiskStatus;
import org.opregister.security.CurrentUser;
import org.opregister.security.Reassignment;
import org.opregister.security.Staff;

/**
 * The RCSA campaign workflow: open a campaign over a scope of risks; the assessor saves and submits each task; a
 * manager other than the assessor approves it (its ratings become the risk's and its controls') or returns it.
 */
@ApplicationScoped
public class AssessmentService {

    @Inject
    CurrentUser currentUser;

    /** Opens a campaign with one task per active risk in scope; a risk still pending elsewhere is refused. */
    @Transactional
    public AssessmentCampaign open(CampaignForm.Opening opening) {
        // The check that no risk is pending in another open campaign must not run twice at once.
        ClusterLock.hold(AssessmentCampaign.OPENING_LOCK);
        FieldErrors errors = opening.errors();
        Edits.failIfAny(errors);
        CampaignForm.Scope scope = opening.scope();
        List<Risk> risks = risksIn(scope, errors);
        Edits.failIfAny(errors);

        AssessmentCampaign campaign = new AssessmentCampaign();
        campaign.reference = ReferenceCounter.next("RCSA", scope.periodEnd().getYear());
        campaign.title = scope.title();
        campaign.instructions = scope.instructions();
        campaign.periodStart = scope.periodStart();
        campaign.periodEnd = scope.periodEnd();
        campaign.dueDate = scope.dueDate();
        campaign.scopeUnits = scope.units().isEmpty()
                ? null
                : String.join(AssessmentCampaign.SCOPE_SEPARATOR, scope.units());
        String chosen = risks.stream().filter(r -> scope.riskIds().contains(r.id)).map(r -> r.reference)
                .collect(Collectors.joining(AssessmentCampaign.SCOPE_SEPARATOR));
        campaign.scopeRisks = chosen.isEmpty() ? null : chosen;
        campaign.persist();
        for (Risk risk : risks) {
            startTask(campaign, risk, Staff.eligible(risk.assessor) ? risk.assessor : null);
        }
        return campaign;
    }

    private static List<Risk> risksIn(CampaignForm.Scope scope, FieldErrors errors) {
        Map<Long, Risk> risks = new LinkedHashMap<>();
        if (!scope.units().isEmpty()) {
            Risk.<Risk>list("status = ?1 and orgUnit in ?2 order by reference", RiskStatus.ACTIVE, scope.units())
                    .forEach(r -> risks.put(r.id, r));
        }
        for (Long id : scope.riskIds()) {
            Risk risk = Risk.findById(id);
            if (risk == null || risk.status != RiskStatus.ACTIVE) {
                errors.add("risks", "error.noSuchRisk");
                return List.of();
            }
            risks.put(id, risk);
        }
        if (risks.isEmpty()) {
            errors.add("units", "error.campaignNoRisks");
            return List.of();
        }
        List<Risk> inScope = new ArrayList<>(risks.values());
        List<AssessmentTask> pending = AssessmentTask.pendingFor(inScope);
        if (!pending.isEmpty()) {
            errors.add("units", "error.riskInOpenCampaign", pending.stream()
                    .map(t -> t.risk.reference + " (" + t.campaign.reference + ")").collect(Collectors.joining(", ")));
        }
        inScope.sort((a, b) -> a.reference.compareTo(b.reference));
        return inScope;
    }

    /**
     * A task for the risk: "before" is the risk as it stands; the answers start from its last approved assessment
     * and, for what that did not rate, from the risk's and its controls' current ratings.
     */
    public static AssessmentTask startTask(AssessmentCampaign campaign, Risk risk, String assignee) {
        AssessmentTask last = AssessmentTask.lastApproved(risk);
        AssessmentTask task = new AssessmentTask();
        task.campaign = campaign;
        task.risk = risk;
        task.assignee = assignee;
        task.beforeInherentLikelihood = risk.inherentLikelihood;
        task.beforeInherentImpact = risk.inherentImpact;
        task.beforeResidualLikelihood = risk.residualLikelihood;
        task.beforeResidualImpact = risk.residualImpact;
        task.apply(last != null ? last.ratings() : RiskRatings.of(risk));
        task.assessorComment = last != null ? last.assessorComment : null;
        task.persist();
        for (Control control : risk.controls()) {
            AssessmentControl previous = last == null ? null : AssessmentControl.inTask(last, control);
            AssessmentControl rating = new AssessmentControl();
            rating.task = task;
            rating.control = control;
            rating.beforeDesign = control.designEffectiveness;
            rating.beforeOperating = control.operatingEffectiveness;
            rating.designEffectiveness = previous != null ? previous.designEffectiveness : control.designEffectiveness;
            rating.operatingEffectiveness = previous != null
                    ? previous.operatingEffectiveness
                    : control.operatingEffectiveness;
            rating.comment = previous != null ? previous.comment : null;
            rating.persist();
        }
        return task;
    }

    /** Saves the assessor's answers; with {@code submit}, hands them to a manager for review. */
    @Transactional
    public AssessmentTask save(long taskId, TaskForm.Answers answers, boolean submit) {
        return Edits.guarded(() -> {
            AssessmentTask task = Records.require(AssessmentTask.class, taskId);
            Edits.requireVersion(answers.version(), task.version);
            if (!task.editable()) {
                throw new RuleViolationException("error.taskNotEditable");
            }
            if (!currentUser.username().equals(task.assignee)) {
                throw new RuleViolationException("error.notYourTask");
            }
            Edits.failIfAny(answers.errors());
            answers.applyTo(task, task.controls());
            task.status = AssessmentStatus.IN_PROGRESS;
            task.editors.add(currentUser.username());
            if (submit) {
                task.status = AssessmentStatus.SUBMITTED;
                task.review.submit(currentUser.username(), AppClock.now());
            }
            touch(task);
            return task;
        });
    }

    /**
     * Approves a submitted task: its ratings become the risk's current ratings and its control ratings the
     * controls' (replacing any earlier override); the campaign completes with its last approval. Whoever saved
     * any of its answers cannot approve it, even when someone else submitted them.
     */
    @Transactional
    public AssessmentTask approve(long taskId, Review review) {
        return Edits.guarded(() -> {
            AssessmentTask task = reviewed(taskId, review);
            if (!task.approvableBy(currentUser.username())) {
                throw new RuleViolationException("error.approverEditedAnswers");
            }
            task.status = AssessmentStatus.APPROVED;
            Risk risk = task.risk;
            task.ratings().applyTo(risk);
            risk.clearOverride();
            for (AssessmentControl rating : task.controls()) {
                rating.control.designEffectiveness = rating.designEffectiveness;
                rating.control.operatingEffectiveness = rating.operatingEffectiveness;
                rating.control.clearOverride();
            }
            AssessmentCampaign campaign = task.campaign;
            AssessmentTask.getEntityManager().flush();
            if (campaign.progress().complete()) {
                campaign.status = CampaignStatus.COMPLETED;
                campaign.closedAt = AppClock.now();
                campaign.closedBy = currentUser.username();
            }
            return task;
        });
    }

    /**
     * Sends a submitted task back to its assessor with the reviewer's reason. An earlier editor may do this (not the
     * assessor or submitter): returning approves nothing and changes no rating, and lets the one who drafted the
     * answers ask the assessor to really review them; the rework still needs an approver who wrote none of it.
     */
    @Transactional
    public AssessmentTask returnToAssessor(long taskId, Review review) {
        return Edits.guarded(() -> {
            AssessmentTask task = reviewed(taskId, review);
            task.status = AssessmentStatus.IN_PROGRESS;
            return task;
        });
    }

    private AssessmentTask reviewed(long taskId, Review review) {
        AssessmentTask task = Records.require(AssessmentTask.class, taskId);
        Edits.requireVersion(review.version(), task.version);
        if (!task.reviewable()) {
            throw new RuleViolationException("error.taskNotSubmitted");
        }
        if (!task.decidableBy(currentUser.username())) {
            throw new RuleViolationException("error.assessmentFourEyes");
        }
        task.review.decide(currentUser.username(), AppClock.now(), review.comment());
        return task;
    }

    /** Gives a task that is still to be answered to another assessor. */
    @Transactional
    public AssessmentTask assign(long taskId, Reassignment assignment) {
        return Edits.guarded(() -> {
            AssessmentTask task = Records.require(AssessmentTask.class, taskId);
            Edits.requireVersion(assignment.version(), task.version);
            if (!task.editable()) {
                throw new RuleViolationException("error.taskNotEditable");
            }
            task.assignee = assignment.assignee();
            return task;
        });
    }

    /** Ends an open campaign early: unfinished tasks stay as they are, read-only, and change no rating. */
    @Transactional
    public AssessmentCampaign close(long campaignId, long expected) {
        return Edits.guarded(() -> {
            AssessmentCampaign campaign = Records.require(AssessmentCampaign.class, campaignId);
            Edits.requireVersion(expected, campaign.version);
            if (!campaign.open()) {
                throw new RuleViolationException("error.campaignNotOpen");
            }
            campaign.status = CampaignStatus.CLOSED;
            campaign.closedAt = AppClock.now();
            campaign.closedBy = currentUser.username();
            return campaign;
        });
    }

    /** A saved task changes version even when only its control ratings changed, so a stale form is detected. */
    private static void touch(AssessmentTask task) {
        AssessmentTask.getEntityManager().lock(task, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }
}
