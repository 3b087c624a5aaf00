package org.opregister.incident;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.security.ForbiddenException;

import org.opregister.comment.Comment;
import org.opregister.comment.CommentKind;
import org.opregister.core.AppClock;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.OpriskConfig;
import org.opregister.core.Records;
import org.opregister.core.ReferenceCounter;
import org.opregister.core.RuleViolationException;
import org.opregister.incident.IncidentForm.IncidentData;
import org.opregister.incident.LossForm.LossData;
import org.opregister.incident.TransitionForm.TransitionCommand;
import org.opregister.security.CurrentUser;

import static org.opregister.core.Edits.failIfAny;
import static org.opregister.core.Edits.guarded;
import static org.opregister.core.Edits.requireVersion;

/** Every change to incidents and their loss ledgers goes through here, for the HTML pages and the API alike. */
@ApplicationScoped
public class IncidentService {

    public static final String REFERENCE_PREFIX = "INC";

    /** The reviewer's field: the reason for returning (required) or a comment on closing (optional). */
    public static final String REVIEW_COMMENT = "reviewComment";

    @Inject
    OpriskConfig config;

    @Inject
    CurrentUser currentUser;

    @Inject
    jakarta.enterprise.event.Event<RegisterChanged> registerChanged;

    public String reportingCurrency() {
        return config.reportingCurrency();
    }

    /** Records the incident typed; {@code typed} holds what {@link IncidentForm#parse} found wrong with the text. */
    @Transactional
    public Incident create(IncidentData data, FieldErrors typed) {
        failIfAny(typed);
        LocalDate today = AppClock.today();
        Incident incident = new Incident();
        apply(data, incident);
        incident.reportingDate = today;
        incident.reference = ReferenceCounter.next(REFERENCE_PREFIX, today.getYear());
        incident.persist();
        registerChanged.fire(new RegisterChanged(incident.id));
        return incident;
    }

    /**
     * Saves an edit; {@code typed} holds what {@link IncidentForm#parse} found wrong with the text, reported only once
     * the incident is known to be editable.
     */
    @Transactional
    public Incident update(long id, IncidentData data, FieldErrors typed) {
        return guarded(() -> {
            Incident incident = Records.require(Incident.class, id);
            // The incident's state first: under review or closed, no edit is looked at.
            incident.requireEditable();
            failIfAny(typed);
            requireVersion(data.version(), incident.version);
            FieldErrors errors = new FieldErrors();
            if (data.occurrenceDate() != null) {
                LocalDate earliest = LossEntry.earliestAccountingDate(incident);
                if (earliest != null && earliest.isBefore(data.occurrenceDate())) {
                    errors.add("occurrenceDate", "error.occurrenceAfterAccounting", earliest.toString());
                }
            }
            if (data.nearMiss() && incident.grossLoss.signum() != 0) {
                errors.add("nearMiss", "error.nearMissWithLoss");
            }
            failIfAny(errors);
            apply(data, incident);
            registerChanged.fire(new RegisterChanged(incident.id));
            return incident;
        });
    }

    /**
     * One workflow step. Returning needs the reviewer's reason, closing takes an optional comment; both are kept on
     * the incident and added to its discussion thread. Submitting needs the description, causes and root cause.
     */
    @Transactional
    public Incident transition(long id, TransitionCommand command) {
        return guarded(() -> {
            Transition transition = command.transition();
            Incident incident = Records.require(Incident.class, id);
            requireVersion(command.version(), incident.version);
            if (transition.from != incident.status) {
                throw new RuleViolationException("error.transitionNotAllowed");
            }
            if (transition.managerOnly && !currentUser.isManager()) {
                throw new ForbiddenException();
            }
            String me = currentUser.username();
            if (transition.requiresSecondPerson() && !incident.decidableBy(me)) {
                throw new RuleViolationException("error.fourEyes");
            }
            FieldErrors errors = new FieldErrors();
            if (transition == Transition.SUBMIT_FOR_REVIEW) {
                checkReadyForReview(incident, errors);
            } else if (transition == Transition.CLOSE) {
                checkClosureDate(command.closureDate(), incident, errors);
            }
            failIfAny(errors);
            String comment = command.comment();
            switch (transition) {
                case SUBMIT_FOR_REVIEW -> {
                    incident.review.submit(me, AppClock.now());
                }
                case RETURN -> {
                    incident.review.decide(me, AppClock.now(), comment);
                    Comment.add(incident, CommentKind.RETURNED_FOR_REWORK, comment);
                }
                case CLOSE -> {
                    incident.closureDate = command.closureDate();
                    incident.review.decide(me, AppClock.now(), comment);
                    if (comment != null) {
                        Comment.add(incident, CommentKind.CLOSED, comment);
                    }
                }
                case REOPEN -> {
                    incident.closureDate = null;
                    incident.review.clear();
                }
                default -> {
                }
            }
            incident.status = transition.to;
            return incident;
        });
    }

    /** A reviewer decides on a complete account: what happened, why, and the root cause (near misses too). */
    private static void checkReadyForReview(Incident incident, FieldErrors errors) {
        if (FormInput.blank(incident.description)) {
            errors.add("missingDescription", "error.submitNeedsDescription");
        }
        if (incident.causes == null || incident.causes.isEmpty()) {
            errors.add("missingCauses", "error.submitNeedsCauses");
        }
        if (FormInput.blank(incident.rootCause)) {
            errors.add("missingRootCause", "error.submitNeedsRootCause");
        }
    }

    /** Adds a ledger line; {@code typed} holds what {@link LossForm#parse} found wrong, reported with the rest. */
    @Transactional
    public LossEntry addLoss(long incidentId, LossData loss, FieldErrors typed) {
        return guarded(() -> {
            Incident incident = lockedForLedger(incidentId);
            LossEntry entry = new LossEntry();
            entry.incident = incident;
            applyLoss(loss, typed, incident, entry);
            entry.persist();
            recompute(incident);
            return entry;
        });
    }

    @Transactional
    public LossEntry updateLoss(long incidentId, long lossId, LossData loss, FieldErrors typed) {
        return guarded(() -> {
            LossEntry entry = lockedLine(incidentId, lossId, loss.version());
            applyLoss(loss, typed, entry.incident, entry);
            recompute(entry.incident);
            return entry;
        });
    }

    @Transactional
    public Incident removeLoss(long incidentId, long lossId, long version) {
        return guarded(() -> {
            LossEntry entry = lockedLine(incidentId, lossId, version);
            entry.delete();
            recompute(entry.incident);
            return entry.incident;
        });
    }

    /** A loss line of the incident, its incident locked, checked against the version the user loaded. */
    private LossEntry lockedLine(long incidentId, long lossId, Long version) {
        LossEntry entry = LossEntry.of(lockedForLedger(incidentId), lossId);
        requireVersion(version, entry.version);
        return entry;
    }

    private Incident lockedForLedger(long incidentId) {
        Incident incident = Records.require(Incident.class, incidentId, LockModeType.PESSIMISTIC_WRITE);
        incident.requireEditable();
        return incident;
    }

    /** The line's checks against its incident, reported together with the typing errors. */
    private void applyLoss(LossData data, FieldErrors errors, Incident incident, LossEntry entry) {
        if (data.type() == LossType.GROSS_LOSS && incident.nearMiss) {
            errors.add("type", "error.grossLossOnNearMiss");
        }
        if (data.accountingDate() != null && data.accountingDate().isBefore(incident.occurrenceDate)) {
            errors.add("accountingDate", "error.accountingBeforeOccurrence", incident.occurrenceDate.toString());
        }
        failIfAny(errors);
        entry.type = data.type();
        entry.amount = data.amount();
        entry.currency = data.currency();
        entry.fxRate = data.fxRate();
        entry.accountingDate = data.accountingDate();
        entry.description = data.description();
        entry.convertTo(config.reportingCurrency());
    }

    /** Re-sums the ledger into the incident's totals (reporting currency). */
    public void recompute(Incident incident) {
        LossEntry.flush();
        BigDecimal gross = LossEntry.sum(incident, LossType.GROSS_LOSS, LossType.GROSS_LOSS);
        BigDecimal recoveries = LossEntry.sum(incident, LossType.INSURANCE_RECOVERY, LossType.OTHER_RECOVERY);
        BigDecimal provisions = LossEntry.sum(incident, LossType.PROVISION, LossType.PROVISION);
        incident.grossLoss = gross;
        incident.recoveries = recoveries;
        incident.provisions = provisions;
        incident.netLoss = gross.subtract(recoveries);
        registerChanged.fire(new RegisterChanged(incident.id));
    }

    /** The closing date (today when left blank) lies between the discovery and today. */
    private static void checkClosureDate(LocalDate date, Incident incident, FieldErrors errors) {
        if (date.isBefore(incident.discoveryDate)) {
            errors.add("closureDate", "error.closureBeforeDiscovery", incident.discoveryDate.toString());
        } else if (date.isAfter(AppClock.today())) {
            errors.add("closureDate", "error.futureDate");
        }
    }

    private static void apply(IncidentData data, Incident incident) {
        incident.title = data.title();
        incident.description = data.description();
        incident.severity = data.severity();
        incident.eventCategory = data.eventCategory();
        incident.eventType = data.eventType();
        incident.businessLine = data.businessLine();
        incident.orgUnit = data.orgUnit();
        incident.owner = data.owner();
        incident.occurrenceDate = data.occurrenceDate();
        incident.discoveryDate = data.discoveryDate();
        incident.causes = data.causes();
        incident.rootCause = data.rootCause();
        incident.thirdParty = data.thirdParty();
        incident.nearMiss = data.nearMiss();
    }
}
