package org.opregister.action;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.security.ForbiddenException;

import org.opregister.attachment.Attachment;
import org.opregister.attachment.StoredFiles;
import org.opregister.comment.Comment;
import org.opregister.comment.CommentKind;
import org.opregister.core.AppClock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.Records;
import org.opregister.core.ReferenceCounter;
import org.opregister.core.Review;
import org.opregister.core.RuleViolationException;
import org.opregister.security.CurrentUser;

/**
 * The action-plan workflow. The owner works the plan (updates, closure request, extension requests); a manager
 * who is not the owner, nor the one who asked, approves or returns a closure and decides extensions.
 */
@ApplicationScoped
public class ActionService {

    @Inject
    CurrentUser currentUser;

    @Inject
    StoredFiles files;

    @Transactional
    public ActionPlan create(ActionForm.ActionCommand command) {
        FieldErrors errors = command.errors();
        SourceType type = command.sourceType();
        Long sourceId = type == null ? null : Sources.resolve(type, command.source());
        if (type != null && sourceId == null) {
            errors.add("source", "error.noSuchSource");
        }
        Edits.failIfAny(errors);
        ActionForm.Plan plan = command.plan();
        ActionPlan action = new ActionPlan();
        plan.applyTo(action);
        action.dueDate = plan.dueDate();
        action.originalDueDate = plan.dueDate();
        action.reference = ReferenceCounter.next("ACT", AppClock.today().getYear());
        action.persist();
        addSource(action, type, sourceId);
        return action;
    }

    @Transactional
    public ActionPlan update(long id, ActionForm.ActionCommand command) {
        return Edits.guarded(() -> {
            ActionPlan action = Records.require(ActionPlan.class, id);
            requireEditor(action);
            Edits.requireVersion(command.version(), action.version);
            requireOpen(action);
            FieldErrors errors = command.errors();
            ActionForm.Plan plan = command.plan();
            if (plan != null && !plan.owner().equals(action.owner) && !currentUser.isManager()) {
                errors.add("owner", "error.onlyManagerReassigns");
            }
            Edits.failIfAny(errors);
            plan.applyTo(action);
            return action;
        });
    }

    /** A source to link as typed: its type checked, the reference or id looked up by the service. */
    public record SourceChoice(SourceType type, String source, FieldErrors errors) {

        public static SourceChoice parse(String sourceType, String source) {
            FieldErrors errors = new FieldErrors();
            SourceType type = new FormInput(errors).choice("sourceType", sourceType, SourceType.class, true);
            return new SourceChoice(type, source, errors);
        }
    }

    /** Adds a source; the same source twice changes nothing. */
    @Transactional
    public void link(long id, SourceChoice choice) {
        ActionPlan action = Records.require(ActionPlan.class, id);
        requireEditor(action);
        FieldErrors errors = choice.errors();
        SourceType type = choice.type();
        Long sourceId = type == null ? null : Sources.resolve(type, choice.source());
        if (type != null && sourceId == null) {
            errors.add("source", "error.noSuchSource");
        }
        Edits.failIfAny(errors);
        if (ActionSource.find(action, type, sourceId) == null) {
            addSource(action, type, sourceId);
        }
    }

    /** Removes a source; a plan keeps at least one. */
    @Transactional
    public void unlink(long id, long sourceRowId) {
        ActionPlan action = Records.require(ActionPlan.class, id);
        requireEditor(action);
        ActionSource source = Records.require(ActionSource.<ActionSource>findByIdOptional(sourceRowId)
                .filter(s -> s.action.id.equals(action.id)).orElse(null), ActionSource.class, sourceRowId);
        if (ActionSource.count("action", action) <= 1) {
            throw new RuleViolationException("error.lastSource");
        }
        source.delete();
    }

    private static void addSource(ActionPlan action, SourceType type, long sourceId) {
        ActionSource source = new ActionSource();
        source.action = action;
        source.type = type;
        source.sourceId = sourceId;
        source.persist();
    }

    /** The owner's progress update as typed, checked; the problems are reported once the plan is checked. */
    public record ProgressUpdate(LocalDate date, Integer progress, String note, FieldErrors errors) {

        public static ProgressUpdate parse(String date, String progress, String note) {
            FieldErrors errors = new FieldErrors();
            FormInput input = new FormInput(errors);
            LocalDate day = input.date("updateDate", date, true);
            if (day != null && day.isAfter(AppClock.today())) {
                errors.add("updateDate", "error.dateInFuture");
            }
            Integer percent = input.whole("progress", progress, true, 0, 100);
            String text = input.text("note", note, true, ActionPlan.TEXT_MAX);
            return new ProgressUpdate(day, percent, text, errors);
        }
    }

    /** The owner's dated progress update; the plan's progress follows it. */
    @Transactional
    public ActionUpdate postUpdate(long id, ProgressUpdate posted) {
        ActionPlan action = Records.require(ActionPlan.class, id);
        requireOwner(action);
        requireOpen(action);
        if (action.status == ActionStatus.PENDING_REVIEW) {
            throw new RuleViolationException("error.actionPendingReview");
        }
        Edits.failIfAny(posted.errors());
        ActionUpdate update = new ActionUpdate();
        update.action = action;
        update.date = posted.date();
        update.progress = posted.progress();
        update.note = posted.note();
        update.persist();
        action.progress = posted.progress();
        action.status = ActionStatus.IN_PROGRESS;
        return update;
    }

    /** The owner asks for closure with the evidence that the work is done. */
    @Transactional
    public ActionPlan requestClosure(long id, Review request) {
        return Edits.guarded(() -> {
            String note = request.comment();
            ActionPlan action = Records.require(ActionPlan.class, id);
            Edits.requireVersion(request.version(), action.version);
            requireOwner(action);
            if (action.status != ActionStatus.NOT_STARTED && action.status != ActionStatus.IN_PROGRESS) {
                throw new RuleViolationException("error.actionNotInProgress");
            }
            action.status = ActionStatus.PENDING_REVIEW;
            action.closureNote = note;
            action.review.submit(currentUser.username(), AppClock.now());
            return action;
        });
    }

    @Transactional
    public ActionPlan approveClosure(long id, Review review) {
        return Edits.guarded(() -> {
            ActionPlan action = reviewed(id, review);
            if (action.review.reviewComment != null) {
                Comment.add(action, CommentKind.CLOSURE_APPROVED, action.review.reviewComment);
            }
            action.status = ActionStatus.DONE;
            action.progress = 100;
            action.completedOn = AppClock.today();
            return action;
        });
    }

    @Transactional
    public ActionPlan returnClosure(long id, Review review) {
        return Edits.guarded(() -> {
            ActionPlan action = reviewed(id, review);
            Comment.add(action, CommentKind.CLOSURE_RETURNED, action.review.reviewComment);
            action.status = ActionStatus.IN_PROGRESS;
            return action;
        });
    }

    private ActionPlan reviewed(long id, Review review) {
        ActionPlan action = Records.require(ActionPlan.class, id);
        Edits.requireVersion(review.version(), action.version);
        if (action.status != ActionStatus.PENDING_REVIEW) {
            throw new RuleViolationException("error.actionNotPendingReview");
        }
        if (!action.decidableBy(currentUser.username())) {
            throw new RuleViolationException("error.actionFourEyes");
        }
        action.review.decide(currentUser.username(), AppClock.now(), review.comment());
        return action;
    }

    /** A manager who is not the owner stops a plan that is no longer needed, with the reason. */
    @Transactional
    public ActionPlan cancel(long id, Review review) {
        return Edits.guarded(() -> {
            String text = review.comment();
            ActionPlan action = Records.require(ActionPlan.class, id);
            Edits.requireVersion(review.version(), action.version);
            requireOpen(action);
            requireSecondPerson(action.owner, null);
            action.status = ActionStatus.CANCELLED;
            action.review.decide(currentUser.username(), AppClock.now(), text);
            Comment.add(action, CommentKind.CANCELLED, text);
            ActionExtension pending = action.pendingExtension();
            if (pending != null) {
                decide(pending, ExtensionStatus.REFUSED, text);
            }
            return action;
        });
    }

    /** The owner's extension request as typed, checked; the new date is compared with the plan's by the service. */
    public record ExtensionRequest(LocalDate dueDate, String reason, FieldErrors errors) {

        public static ExtensionRequest parse(String dueDate, String reason) {
            FieldErrors errors = new FieldErrors();
            FormInput input = new FormInput(errors);
            LocalDate requested = input.date("newDueDate", dueDate, true);
            String text = input.text("reason", reason, true, ActionPlan.COMMENT_MAX);
            return new ExtensionRequest(requested, text, errors);
        }
    }

    /** The owner asks to move the due date; one request at a time. */
    @Transactional
    public ActionExtension requestExtension(long id, ExtensionRequest request) {
        ActionPlan action = Records.require(ActionPlan.class, id);
        requireOwner(action);
        requireOpen(action);
        FieldErrors errors = request.errors();
        LocalDate requested = request.dueDate();
        if (requested != null && !requested.isAfter(action.dueDate)) {
            errors.add("newDueDate", "error.extensionNotLater", action.dueDate);
        }
        Edits.failIfAny(errors);
        if (action.pendingExtension() != null) {
            throw new RuleViolationException("error.extensionPending");
        }
        ActionExtension extension = new ActionExtension();
        extension.action = action;
        extension.previousDueDate = action.dueDate;
        extension.requestedDueDate = requested;
        extension.reason = request.reason();
        extension.review.submit(currentUser.username(), AppClock.now());
        extension.persist();
        return extension;
    }

    /** A manager's decision on an extension request: approve or refuse, the version seen, the comment. */
    public record ExtensionDecision(boolean approve, Review review) {

        /** The decision as posted; the comment is required to refuse. Bad input fails the request. */
        public static ExtensionDecision parse(boolean approve, String version, String comment) {
            return new ExtensionDecision(approve,
                    Review.read(version, "decisionComment", comment, !approve, ActionPlan.COMMENT_MAX));
        }
    }

    /** A manager other than the requester and the owner approves (the due date moves) or refuses an extension. */
    @Transactional
    public ActionExtension decideExtension(long id, long extensionId, ExtensionDecision decision) {
        return Edits.guarded(() -> {
            boolean approve = decision.approve();
            Review review = decision.review();
            String text = review.comment();
            ActionPlan action = Records.require(ActionPlan.class, id);
            ActionExtension extension = Records.require(ActionExtension.<ActionExtension>findByIdOptional(extensionId)
                    .filter(e -> e.action.id.equals(action.id)).orElse(null), ActionExtension.class, extensionId);
            Edits.requireVersion(review.version(), extension.version);
            if (extension.status != ExtensionStatus.PENDING) {
                throw new RuleViolationException("error.extensionDecided");
            }
            if (!extension.decidableBy(currentUser.username())) {
                throw new RuleViolationException("error.actionFourEyes");
            }
            decide(extension, approve ? ExtensionStatus.APPROVED : ExtensionStatus.REFUSED, text);
            if (approve) {
                action.dueDate = extension.requestedDueDate;
            }
            return extension;
        });
    }

    private void decide(ActionExtension extension, ExtensionStatus status, String comment) {
        extension.status = status;
        extension.review.decide(currentUser.username(), AppClock.now(), comment);
    }

    /** Another officer may read a plan but not change it: 403, as for a page they were never offered. */
    private void requireEditor(ActionPlan action) {
        if (!action.editableBy(currentUser.username(), currentUser.isManager())) {
            throw new ForbiddenException();
        }
    }

    private void requireOwner(ActionPlan action) {
        if (!currentUser.username().equals(action.owner)) {
            throw new RuleViolationException("error.notYourAction");
        }
    }

    private void requireSecondPerson(String owner, String requester) {
        Review.requireSecondPerson(currentUser.username(), "error.actionFourEyes", owner, requester);
    }

    /**
     * Attaches a file (closure evidence, a report; checked as control-test evidence is) to an open plan, by someone
     * who may edit it: its owner or a manager.
     */
    @Transactional
    public Attachment attach(long id, String fileName, byte[] data) {
        return files.attach(changeable(id), fileName, data);
    }

    @Transactional
    public void detach(long id, long attachmentId, long version) {
        files.detach(changeable(id), attachmentId, version);
    }

    /** The plan for a change to its files, its row locked until the change commits (no closure request between). */
    private ActionPlan changeable(long id) {
        ActionPlan action = Records.require(ActionPlan.class, id, LockModeType.PESSIMISTIC_WRITE);
        requireEditor(action);
        requireOpen(action);
        return action;
    }

    private static void requireOpen(ActionPlan action) {
        if (!action.status.open()) {
            throw new RuleViolationException("error.actionClosed");
        }
    }
}
