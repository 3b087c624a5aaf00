package org.opregister.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opregister.action.ActionForm.ActionCommand;
import org.opregister.action.ActionForm.Plan;
import org.opregister.control.Control;
import org.opregister.core.AppClock;
import org.opregister.core.FieldErrors;
import org.opregister.core.ReferenceCounter;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentImport.Outcome;
import org.opregister.risk.Risk;

/**
 * The action plans' side of a bulk import (issue #18): each row of an action-plans file is the plan form as it would
 * be typed ({@link ActionForm#parse}: title, description, owner, priority), keyed by the bank's own reference so that
 * the same file imported again changes nothing. What an import carries beyond the form is history: the status with its
 * closure request and review (a closed plan names who reviewed it and when, someone other than its owner and whoever
 * asked), the completion day, the due date and the one first agreed (which may lie in the past), and its sources. The
 * file is the truth for a plan's sources: those it no longer names are removed. Every method joins the importer's
 * transaction.
 */
@ApplicationScoped
public class ActionImport {

    /**
     * The history a row brings (fields named as the row's problems are: {@code status}, {@code progress},
     * {@code dueDate}, {@code originalDueDate}, {@code closureNote}, {@code closureRequestedBy},
     * {@code closureRequestedAt}, {@code reviewedBy}, {@code reviewedAt}, {@code reviewComment}, {@code completedOn}).
     * Not given: not started, no progress (all of it once done), first due when due.
     */
    public record History(ActionStatus status, Integer progress, LocalDate dueDate, LocalDate originalDueDate,
            String closureNote, String closureRequestedBy, Instant closureRequestedAt, String reviewedBy,
            Instant reviewedAt, String reviewComment, LocalDate completedOn) {
    }

    /**
     * A source as a file names it: its type, the bank's key it stands for (the file's reference of a record of the same
     * upload, read as that record's key) and the text as written.
     */
    public record NamedSource(SourceType type, String key, String named) {
    }

    /** The plan imported under that key, or null. */
    public ActionPlan find(String key) {
        return ActionPlan.findByExternalReference(key).orElse(null);
    }

    /**
     * Creates or updates the plan of that key from the row, or leaves it when nothing differs; null with the problems
     * in {@code errors} (fields named as on the form, the history's, and {@code sources}), then nothing was changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome action(String key, ActionForm form, History history, List<NamedSource> named, FieldErrors errors) {
        ActionPlan existing = find(key);
        ActionCommand command = form.parse(errors, false);
        Set<Source> sources = sources(named, errors);
        checkHistory(command.plan(), history, existing, errors);
        if (errors.any()) {
            return null;
        }
        Plan plan = command.plan();
        if (existing != null && same(existing, plan, history) && existingSources(existing).equals(sources)) {
            return Outcome.SKIPPED;
        }
        ActionPlan action = existing != null ? existing : new ActionPlan();
        plan.applyTo(action);
        fill(action, history);
        if (existing == null) {
            action.externalReference = key;
            action.originalDueDate = original(history);
            action.reference = ReferenceCounter.next("ACT", AppClock.today().getYear());
            action.persist();
        }
        Set<Source> held = existingSources(action);
        for (ActionSource source : existing == null ? List.<ActionSource>of() : ActionSource.of(action)) {
            if (!sources.contains(new Source(source.type, source.sourceId))) {
                source.delete();
            }
        }
        for (Source source : sources) {
            if (!held.contains(source)) {
                ActionSource made = new ActionSource();
                made.action = action;
                made.type = source.type();
                made.sourceId = source.id();
                made.persist();
            }
        }
        return existing != null ? Outcome.UPDATED : Outcome.CREATED;
    }

    private record Source(SourceType type, long id) {
    }

    private static Set<Source> existingSources(ActionPlan action) {
        Set<Source> held = new LinkedHashSet<>();
        ActionSource.of(action).forEach(s -> held.add(new Source(s.type, s.sourceId)));
        return held;
    }

    /**
     * The records named: an incident, risk or control imported under that key, else one of ours by its reference (a
     * KRI breach and a control test by their reference or number, as on the form). At least one, as a plan keeps one.
     */
    private static Set<Source> sources(List<NamedSource> named, FieldErrors errors) {
        Set<Source> found = new LinkedHashSet<>();
        for (NamedSource source : named) {
            Long id = switch (source.type()) {
                case INCIDENT -> Incident.findByExternalReference(source.key()).map(i -> i.id).orElse(null);
                case RISK -> Risk.findByExternalReference(source.key()).map(r -> r.id).orElse(null);
                case CONTROL -> Control.findByExternalReference(source.key()).map(c -> c.id).orElse(null);
                default -> null;
            };
            if (id == null) {
                id = Sources.resolve(source.type(), source.named());
            }
            if (id == null) {
                if (!errors.has("sources")) {
                    errors.add("sources", "imports.error.unknownSource", source.type().name() + ":" + source.named());
                }
            } else {
                found.add(new Source(source.type(), id));
            }
        }
        if (named.isEmpty() && !errors.has("sources")) {
            errors.add("sources", "error.lastSource");
        }
        return found;
    }

    /**
     * The history as the workflow would have left it: the first due date not after the due date (and, once recorded,
     * kept); a plan awaiting review names who asked; a done plan names who reviewed it, when, and the day it was
     * completed; a cancelled one who cancelled it and when; the reviewer is neither the owner nor whoever asked; only
     * a done plan has a completion day; nothing happened in the future.
     */
    private static void checkHistory(Plan plan, History history, ActionPlan existing, FieldErrors errors) {
        ActionStatus status = history.status() != null ? history.status() : ActionStatus.NOT_STARTED;
        LocalDate due = history.dueDate();
        LocalDate original = original(history);
        if (due != null && original != null && original.isAfter(due)) {
            errors.add("originalDueDate", "imports.error.originalAfterDue", due);
        } else if (existing != null && original != null && !original.equals(existing.originalDueDate)) {
            errors.add("originalDueDate", "imports.error.originalKept", existing.originalDueDate);
        }
        if (status == ActionStatus.PENDING_REVIEW) {
            required("closureRequestedBy", history.closureRequestedBy(), errors);
            required("closureRequestedAt", history.closureRequestedAt(), errors);
            if (history.reviewedBy() != null) {
                errors.add("reviewedBy", "imports.error.reviewWhilePending");
            }
        }
        if (status == ActionStatus.DONE || status == ActionStatus.CANCELLED) {
            required("reviewedBy", history.reviewedBy(), errors);
            required("reviewedAt", history.reviewedAt(), errors);
            String reviewer = history.reviewedBy();
            if (reviewer != null && plan != null
                    && (reviewer.equals(plan.owner()) || reviewer.equals(history.closureRequestedBy()))) {
                errors.add("reviewedBy", "error.actionFourEyes");
            }
        }
        if (status == ActionStatus.DONE) {
            required("completedOn", history.completedOn(), errors);
        } else if (history.completedOn() != null) {
            errors.add("completedOn", "imports.error.completedWhileOpen");
        }
        LocalDate today = AppClock.today();
        Instant now = AppClock.now();
        if (history.completedOn() != null && history.completedOn().isAfter(today)) {
            errors.add("completedOn", "error.futureDate");
        }
        if (history.reviewedAt() != null && history.reviewedAt().isAfter(now)) {
            errors.add("reviewedAt", "error.futureDate");
        }
        if (history.closureRequestedAt() != null && history.closureRequestedAt().isAfter(now)) {
            errors.add("closureRequestedAt", "error.futureDate");
        }
    }

    private static void required(String field, Object value, FieldErrors errors) {
        if (value == null && !errors.has(field)) {
            errors.add(field, "error.required");
        }
    }

    private static LocalDate original(History history) {
        return history.originalDueDate() != null ? history.originalDueDate() : history.dueDate();
    }

    private static void fill(ActionPlan action, History history) {
        action.status = history.status() != null ? history.status() : ActionStatus.NOT_STARTED;
        action.progress = progress(history);
        action.dueDate = history.dueDate();
        action.closureNote = history.closureNote();
        if (history.closureRequestedBy() != null && action.review.submissions == 0) {
            action.review.submissions = 1;
        }
        action.review.submittedBy = history.closureRequestedBy();
        action.review.submittedAt = history.closureRequestedAt();
        action.review.reviewedBy = history.reviewedBy();
        action.review.reviewedAt = history.reviewedAt();
        action.review.reviewComment = history.reviewComment();
        action.completedOn = history.completedOn();
    }

    private static int progress(History history) {
        if (history.progress() != null) {
            return history.progress();
        }
        return history.status() == ActionStatus.DONE ? 100 : 0;
    }

    /** Whether the plan already holds what the row says. */
    private static boolean same(ActionPlan a, Plan plan, History h) {
        ActionStatus status = h.status() != null ? h.status() : ActionStatus.NOT_STARTED;
        return Objects.equals(a.title, plan.title()) && Objects.equals(a.description, plan.description())
                && Objects.equals(a.owner, plan.owner()) && a.priority == plan.priority() && a.status == status
                && a.progress == progress(h) && Objects.equals(a.dueDate, h.dueDate())
                && Objects.equals(a.closureNote, h.closureNote())
                && Objects.equals(a.review.submittedBy, h.closureRequestedBy())
                && Objects.equals(a.review.submittedAt, h.closureRequestedAt())
                && Objects.equals(a.review.reviewedBy, h.reviewedBy())
                && Objects.equals(a.review.reviewedAt, h.reviewedAt())
                && Objects.equals(a.review.reviewComment, h.reviewComment())
                && Objects.equals(a.completedOn, h.completedOn());
    }
}
