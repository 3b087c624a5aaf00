package org.opregister.incident;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.security.ForbiddenException;

import org.opregister.attachment.Attachment;
import org.opregister.attachment.StoredFiles;
import org.opregister.comment.Comment;
import org.opregister.comment.CommentKind;
import org.opregister.core.AppClock;
import org.opregister.core.ClusterLock;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.OpriskConfig;
import org.opregister.core.Records;
import org.opregister.core.ReferenceCounter;
import org.opregister.core.RowLocks;
import org.opregister.core.RuleViolationException;
import org.opregister.incident.IncidentForm.IncidentData;
import org.opregister.incident.LossForm.LossData;
import org.opregister.incident.TransitionForm.TransitionCommand;
import org.opregister.reference.LedgerConverted;
import org.opregister.reference.LegalEntity;
import org.opregister.security.CurrentUser;

import static org.opregister.core.Edits.failIfAny;
import static org.opregister.core.Edits.guarded;
import static org.opregister.core.Edits.requireVersion;

/** Every change to incidents and their loss ledgers goes through here, for the HTML pages and the API alike. */
@ApplicationScoped
public class IncidentService {

    private static final String EXTERNAL_REFERENCE_LOCK = "incident-external-reference";

    public static final String REFERENCE_PREFIX = "INC";

    /** The reviewer's field: the reason for returning (required) or a comment on closing (optional). */
    public static final String REVIEW_COMMENT = "reviewComment";

    @Inject
    OpriskConfig config;

    @Inject
    CurrentUser currentUser;

    @Inject
    FxRates fxRates;

    @Inject
    StoredFiles files;

    @Inject
    jakarta.enterprise.event.Event<RegisterChanged> registerChanged;

    public String reportingCurrency() {
        return config.reportingCurrency();
    }

    /** The configured collection rule of the regulatory loss data set. */
    public DataSetRule dataSetRule() {
        return DataSetRule.configured(config);
    }

    /** Where the incident stands in the regulatory loss data set, with the configured collection threshold. */
    public LossDataSet lossDataSet(Incident incident, List<LossEntry> lines) {
        return LossDataSet.of(incident, lines, incident.rootEvent == null ? incident.groupedEvents() : List.of(),
                dataSetRule());
    }

    /** Records the incident typed; {@code typed} holds what {@link IncidentForm#parse} found wrong with the text. */
    @Transactional
    public Incident create(IncidentData data, FieldErrors typed) {
        Incident incident = new Incident();
        lockedRoot(data);
        Grouping grouping = grouping(data, incident, typed);
        checkExternalReference(data, incident, typed);
        failIfAny(typed);
        LocalDate today = AppClock.today();
        apply(data, incident);
        grouping.applyTo(incident);
        incident.reportingDate = today;
        incident.reference = ReferenceCounter.next(REFERENCE_PREFIX, today.getYear());
        incident.persist();
        registerChanged.fire(new RegisterChanged(List.of(RegisterChanged.counted(incident))));
        return incident;
    }

    /**
     * Saves an edit; {@code typed} holds what {@link IncidentForm#parse} found wrong with the text, reported only once
     * the incident is known to be editable.
     */
    @Transactional
    public Incident update(long id, IncidentData data, FieldErrors typed) {
        return guarded(() -> {
            Incident named = data.rootEvent() == null ? null : Incident.findByReference(data.rootEvent());
            lockEvents(eventIdOf(id), named == null ? null : named.id);
            if (named != null) {
                // Read before its lock: grouped since, perhaps, which grouping() must see.
                Incident.getEntityManager().refresh(named);
            }
            Incident incident = Records.require(Incident.class, id);
            // The incident's state first: under review or closed, no edit is looked at.
            incident.requireEditable();
            failIfAny(typed);
            requireVersion(data.version(), incident.version);
            FieldErrors errors = new FieldErrors();
            if (data.occurrenceDate() != null) {
                LocalDate earliest = LossEntry.earliestAccountingDate(incident);
                if (earliest != null && earliest.isBefore(data.occurrenceDate())) {
                    errors.add("occurrenceDate", "error.occurrenceAfterAccounting", earliest);
                }
            }
            if ((data.nearMiss() || data.gainEvent()) && LossEntry.count("incident", incident) > 0) {
                errors.add(data.nearMiss() ? "nearMiss" : "gainEvent", "error.noLossEventWithLines");
            }
            Grouping grouping = grouping(data, incident, errors);
            checkExternalReference(data, incident, errors);
            failIfAny(errors);
            RegisterChanged.Touched before = RegisterChanged.counted(incident);
            apply(data, incident);
            grouping.applyTo(incident);
            LossEvents.refresh(incident);
            registerChanged.fire(reclassified(incident, before));
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

    /**
     * Attaches a file (checked as control-test evidence is) to an incident that can be edited now: not under review,
     * not closed. The upload is in the incident's history.
     */
    @Transactional
    public Attachment attach(long id, String fileName, byte[] data) {
        return files.attach(Incident.requireEditable(id), fileName, data);
    }

    /** Removes an attached file, under the same condition; {@code version}: the file's, as the page showed it. */
    @Transactional
    public void detach(long id, long attachmentId, long version) {
        files.detach(Incident.requireEditable(id), attachmentId, version);
    }

    /** Adds a ledger line; {@code typed} holds what {@link LossForm#parse} found wrong, reported with the rest. */
    @Transactional
    public LossEntry addLoss(long incidentId, LossData loss, FieldErrors typed) {
        return guarded(() -> {
            Incident incident = lockedForLedger(incidentId);
            LossEntry entry = new LossEntry();
            entry.incident = incident;
            entry.postClosure = incident.status == IncidentStatus.CLOSED;
            applyLoss(loss, typed, incident, entry);
            entry.persist();
            recomputeChecked(incident, "amount", List.of(entry.accountingDate));
            return entry;
        });
    }

    @Transactional
    public LossEntry updateLoss(long incidentId, long lossId, LossData loss, FieldErrors typed) {
        return guarded(() -> {
            LossEntry entry = lockedLine(incidentId, lossId, loss.version());
            LocalDate booked = entry.accountingDate;
            applyLoss(loss, typed, entry.incident, entry);
            entry.postClosure = entry.postClosure || entry.incident.status == IncidentStatus.CLOSED;
            recomputeChecked(entry.incident, "amount", List.of(booked, entry.accountingDate));
            return entry;
        });
    }

    @Transactional
    public Incident removeLoss(long incidentId, long lossId, long version) {
        return guarded(() -> {
            LossEntry entry = lockedLine(incidentId, lossId, version);
            entry.delete();
            recomputeChecked(entry.incident, null, List.of(entry.accountingDate));
            return entry.incident;
        });
    }

    /** A loss line of the incident, its incident locked, checked against the version and the period lock. */
    private LossEntry lockedLine(long incidentId, long lossId, Long version) {
        LossEntry entry = LossEntry.of(lockedForLedger(incidentId), lossId);
        requireVersion(version, entry.version);
        LedgerLock.current().requireOpen(entry.accountingDate);
        return entry;
    }

    /**
     * The incident, locked, whose ledger this user may change: not under review; once closed, only a manager may book
     * a later adjustment (closing the operational incident does not settle the loss).
     */
    private Incident lockedForLedger(long incidentId) {
        lockEvents(eventIdOf(incidentId));
        Incident incident = Records.require(Incident.class, incidentId, LockModeType.PESSIMISTIC_WRITE);
        if (incident.rootEvent != null) {
            // Regrouped between the two reads (rare): take the new event's turn as well.
            lockEvents(incident.rootEvent.id);
        }
        if (incident.status != IncidentStatus.CLOSED || !currentUser.isManager()) {
            incident.requireEditable();
        }
        return incident;
    }

    /**
     * The id of the event the incident counts in as committed (its root's, else its own), read without loading it;
     * null for an unknown id (the caller's own lookup answers 404).
     */
    static Long eventIdOf(long incidentId) {
        List<?> rows = Incident.getEntityManager()
                .createNativeQuery("select coalesce(root_event_id, id) from incident where id = ?1")
                .setParameter(1, incidentId).getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }

    /**
     * The root event a new incident names, locked and read again under its lock: an edit grouping that root under
     * another takes the same lock, so the new incident is either seen as grouped under it (the edit is refused) or
     * finds it grouped (the new incident is refused), never both saved.
     */
    private static void lockedRoot(IncidentData data) {
        Incident named = data.rootEvent() == null ? null : Incident.findByReference(data.rootEvent());
        if (named != null) {
            lockEvents(named.id);
            Incident.getEntityManager().refresh(named);
        }
    }

    /**
     * Takes the row locks of these events' roots, lowest id first: every writer of an event's ledger or
     * classification takes its root's turn before touching any other row of the event, so two writers never wait
     * for each other ({@link LossEvents}).
     */
    static void lockEvents(Long... roots) {
        java.util.Arrays.stream(roots).filter(java.util.Objects::nonNull).distinct().sorted()
                .forEach(root -> RowLocks.forUpdate("incident", "id", root));
    }

    /** The line's checks against its incident, reported together with the typing errors. */
    private void applyLoss(LossData data, FieldErrors errors, Incident incident, LossEntry entry) {
        applyLoss(data, null, errors, incident, entry);
    }

    /**
     * The same; {@code kept} is a rate the line brings from the rate table of the system it was imported from (a bulk
     * import keeps a line's historical rate), used instead of looking it up here.
     */
    void applyLoss(LossData data, FxRates.Rate kept, FieldErrors errors, Incident incident, LossEntry entry) {
        if (incident.nearMiss || incident.gainEvent) {
            errors.add("type", incident.nearMiss ? "error.lineOnNearMiss" : "error.lineOnGainEvent");
        }
        LocalDate date = data.accountingDate();
        if (date != null && date.isBefore(incident.occurrenceDate)) {
            errors.add("accountingDate", "error.accountingBeforeOccurrence", incident.occurrenceDate);
        }
        if (date != null && data.type() != null && data.type().isRecovery()
                && data.recoveryStatus() == RecoveryStatus.RECEIVED && date.isAfter(AppClock.today())) {
            errors.add("accountingDate", "error.receivedInFuture");
        }
        if (date != null && !LedgerLock.current().open(date)) {
            errors.add("accountingDate", "error.periodLocked", LedgerLock.current().closedThrough);
        }
        FxRates.Rate rate = data.currency() == null || date == null
                ? null
                : kept != null ? kept : fxRates.rateFor(data.currency(), date, data.fxRate(), data.fxReason(), errors);
        failIfAny(errors);
        entry.type = data.type();
        entry.amount = data.amount();
        entry.currency = data.currency();
        entry.fxRate = rate.rate();
        entry.fxSource = rate.source();
        entry.fxReason = rate.source() == RateSource.MANUAL ? data.fxReason() : null;
        entry.accountingDate = date;
        entry.recoveryStatus = data.type().isRecovery() ? data.recoveryStatus() : null;
        entry.businessLine = data.businessLine() != null ? data.businessLine() : incident.businessLine;
        entry.description = data.description();
        entry.convertTo(config.reportingCurrency());
    }

    /**
     * Re-sums the ledger and refuses the change (rolled back, the form shown again) when it would take net loss below
     * zero or draw more on the provisions than was set up.
     */
    private void recomputeChecked(Incident incident, String field, List<LocalDate> booked) {
        LedgerTotals totals = recompute(incident,
                new RegisterChanged(RegisterChanged.booked(incident.eventCategory, incident.businessLine, booked)));
        String problem = totals.recoveredBeyondGross()
                ? "error.recoveriesBeyondGross"
                : totals.provisionsOverdrawn() ? "error.provisionsOverdrawn" : null;
        if (problem == null) {
            return;
        }
        if (field == null) {
            throw new RuleViolationException(problem);
        }
        FieldErrors errors = new FieldErrors();
        errors.add(field, problem);
        failIfAny(errors);
    }

    /**
     * Locks the ledger through that date (managers): from then on no line can be booked or changed on or before it. The
     * lock only moves forward, and not past today; the row lock makes two managers' locks wait for each other.
     */
    @Transactional
    public LedgerLock lockLedgerThrough(LocalDate date, long version, FieldErrors typed) {
        return guarded(() -> {
            LedgerLock lock = Records.require(LedgerLock.class, LedgerLock.ID, LockModeType.PESSIMISTIC_WRITE);
            requireVersion(version, lock.version);
            if (date != null && date.isAfter(AppClock.today())) {
                typed.add("closedThrough", "error.futureDate");
            } else if (date != null && lock.closedThrough != null && !date.isAfter(lock.closedThrough)) {
                typed.add("closedThrough", "error.lockOnlyForward", lock.closedThrough.toString());
            }
            failIfAny(typed);
            lock.closedThrough = date;
            return lock;
        });
    }

    /**
     * After the ledger was converted into a new reporting currency (at start-up, see
     * {@code reference.LedgerConversion}),
     * every incident's totals are summed again in the same transaction, and computed KRIs follow once.
     */
    void onLedgerConverted(@Observes LedgerConverted converted) {
        Long last = null;
        for (Incident incident : Incident.<Incident>list("id in (select l.incident.id from LossEntry l)")) {
            applyTotals(incident, LossEntry.totals(incident));
            last = incident.id;
        }
        LossEvents.refreshAll();
        if (last != null) {
            registerChanged.fire(RegisterChanged.everything());
        }
    }

    /**
     * Re-sums the ledger into the incident's totals (reporting currency), after lines were changed in any way: every
     * period of the computed KRIs is recomputed.
     */
    public LedgerTotals recompute(Incident incident) {
        return recompute(incident, RegisterChanged.everything());
    }

    private LedgerTotals recompute(Incident incident, RegisterChanged change) {
        LossEntry.flush();
        LedgerTotals totals = LossEntry.totals(incident);
        applyTotals(incident, totals);
        LossEvents.refresh(incident);
        registerChanged.fire(change);
        return totals;
    }

    /**
     * What an edit may have moved: the incident counted before and after; when its classification changed, its
     * lines too, under the old classification and the new.
     */
    private static RegisterChanged reclassified(Incident incident, RegisterChanged.Touched before) {
        List<RegisterChanged.Touched> touched = new java.util.ArrayList<>();
        touched.add(before);
        RegisterChanged.Touched after = RegisterChanged.counted(incident);
        touched.add(after);
        if (before.eventCategory() != after.eventCategory() || before.businessLine() != after.businessLine()) {
            List<LocalDate> dates = LossEntry.accountingDates(incident);
            touched.addAll(RegisterChanged.booked(before.eventCategory(), before.businessLine(), dates));
            touched.addAll(RegisterChanged.booked(after.eventCategory(), after.businessLine(), dates));
        }
        return new RegisterChanged(touched);
    }

    static void applyTotals(Incident incident, LedgerTotals totals) {
        incident.grossLoss = totals.gross();
        incident.recoveries = totals.recoveries();
        incident.expectedRecoveries = totals.expectedRecoveries();
        incident.provisions = totals.provisions();
        incident.netLoss = totals.net();
    }

    /** The closing date (today when left blank) lies between the discovery and today. */
    static void checkClosureDate(LocalDate date, Incident incident, FieldErrors errors) {
        if (date.isBefore(incident.discoveryDate)) {
            errors.add("closureDate", "error.closureBeforeDiscovery", incident.discoveryDate);
        } else if (date.isAfter(AppClock.today())) {
            errors.add("closureDate", "error.futureDate");
        }
    }

    /** The legal entity and root event named on the form, checked; problems go to {@code errors}. */
    record Grouping(LegalEntity legalEntity, Incident rootEvent) {

        void applyTo(Incident incident) {
            incident.legalEntity = legalEntity;
            incident.rootEvent = rootEvent;
        }
    }

    /**
     * A blank entity is the default one; a root event is another incident that is not itself grouped, and an incident
     * that already has events grouped under it cannot be grouped in turn (one level: the root is the event).
     */
    static Grouping grouping(IncidentData data, Incident incident, FieldErrors errors) {
        LegalEntity entity = data.legalEntity() == null
                ? LegalEntity.defaultEntity()
                : LegalEntity.<LegalEntity>find("code = ?1 and active = true", data.legalEntity()).firstResult();
        if (entity == null) {
            errors.add("legalEntity", "error.legalEntityUnknown", data.legalEntity());
        }
        Incident root = null;
        if (data.rootEvent() != null) {
            root = Incident.findByReference(data.rootEvent());
            if (root == null) {
                errors.add("rootEvent", "error.rootEventUnknown", data.rootEvent());
            } else if (root.id.equals(incident.id)) {
                errors.add("rootEvent", "error.rootEventSelf");
            } else if (root.rootEvent != null) {
                errors.add("rootEvent", "error.rootEventNested", root.reference, root.rootEvent.reference);
            } else if (incident.id != null && incident.hasGroupedEvents()) {
                errors.add("rootEvent", "error.rootEventHasGroup");
            }
        }
        return new Grouping(entity, root);
    }

    /**
     * The bank's own reference names one incident only: another incident's is refused on the field. Writers that set
     * a reference take turns (one named lock until commit), so two saving the same one at once cannot both pass the
     * check and leave the second to the unique index.
     */
    private static void checkExternalReference(IncidentData data, Incident incident, FieldErrors errors) {
        if (data.externalReference() == null || data.externalReference().equals(incident.externalReference)) {
            return;
        }
        ClusterLock.hold(EXTERNAL_REFERENCE_LOCK);
        if (Incident.findByExternalReference(data.externalReference())
                .filter(other -> !other.id.equals(incident.id)).isPresent()) {
            errors.add("externalReference", "api.externalReferenceTaken", data.externalReference());
        }
    }

    static void apply(IncidentData data, Incident incident) {
        incident.externalReference = data.externalReference();
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
        incident.gainEvent = data.gainEvent();
        incident.creditBoundary = data.creditBoundary();
        incident.marketBoundary = data.marketBoundary();
    }
}
