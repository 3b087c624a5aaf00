package org.opregister.incident;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.opregister.core.AppClock;
import org.opregister.core.FieldErrors;
import org.opregister.core.InvalidInputException;
import org.opregister.core.OpriskConfig;
import org.opregister.core.PlannerStatistics;
import org.opregister.core.ReferenceCounter;
import org.opregister.core.ReviewRecord;
import org.opregister.core.StampListener;
import org.opregister.incident.IncidentForm.IncidentData;
import org.opregister.incident.IncidentService.Grouping;
import org.opregister.incident.LossForm.LossData;

/**
 * The register's side of a bulk import (issue #18): each row of a file is one command, checked by the same rules as
 * the incident form and the ledger form ({@link IncidentForm#parse}, {@link LossForm#parse} and the service's checks),
 * and keyed by the bank's own reference so that the same file imported again changes nothing. What an import may
 * carry beyond the forms is history: the status (closed, with who closed it and when), the reporting date, and a
 * ledger line's historical rate. Every method joins the importer's one transaction. The loss file is summed first
 * ({@link #presum}), so that a new incident is inserted with its totals and its lines with their event's figures;
 * {@link #finish} checks them against the database once and brings the computed KRIs up to date once.
 */
@ApplicationScoped
public class IncidentImport {

    /** What a row did. */
    public enum Outcome {
        CREATED, UPDATED, SKIPPED
    }

    /** What an incident row did, and the incident it wrote or left. */
    public record Written(Outcome outcome, Incident incident) {
    }

    /**
     * The history a row brings: the status, the reporting and closing dates, and who closed it and when (the
     * importing user and the closing day when not given).
     */
    public record History(IncidentStatus status, LocalDate reportingDate, LocalDate closureDate, String closedBy,
            Instant closedAt) {
    }

    /**
     * A ledger line as imported: the line typed, the bank's key of the line, the rate source its file names, the
     * reporting currency its rate converts into, and whether it was booked after closing (null: after the closing
     * date).
     */
    public record ImportedLine(String key, LossData data, RateSource rateSource, String rateInto,
            Boolean postClosure) {
    }

    /** Incidents summed per query (and per flush) at the end of an import. */
    private static final int FINISH_CHUNK = 500;

    @Inject
    IncidentService service;

    @Inject
    OpriskConfig config;

    @Inject
    FxRates fxRates;

    @Inject
    Event<RegisterChanged> registerChanged;

    /**
     * Adds a line of the file to the ledger summed for the incident it names, before any incident is written. A line
     * whose amount cannot be converted is left out: its own pass refuses it, and the import with it.
     */
    public void presum(String named, ImportedLine line, ImportedLedgers ledgers) {
        LossData data = line.data();
        FieldErrors ignored = new FieldErrors();
        FxRates.Rate kept = keptRate(line);
        FxRates.Rate rate = kept != null
                ? kept
                : fxRates.rateFor(data.currency(), data.accountingDate(), data.fxRate(), data.fxReason(), ignored);
        if (rate != null && !ignored.any()) {
            ledgers.add(named, new LedgerTotals.Line(data.type(),
                    data.type().isRecovery() ? data.recoveryStatus() : null,
                    LossEntry.inReportingCurrency(data.amount(), rate.rate())));
        }
    }

    /** The incident imported under that key, or null. */
    public Incident find(String key) {
        return Incident.findByExternalReference(key).orElse(null);
    }

    /**
     * Creates or updates the incident of that key from the row, or leaves it when nothing differs; null with the
     * problems in {@code errors} (fields named as on the form, plus {@code status}, {@code reportingDate},
     * {@code closureDate}, {@code closedBy}), then nothing was changed. {@code rootKey} names the root event by the
     * bank's key or by our reference; it must have been imported before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written incident(String key, IncidentData typed, String rootKey, History history,
            ImportedLedgers ledgers, FieldErrors errors) {
        Incident existing = find(key);
        IncidentData data = keyed(typed, typed.rootEvent(), key);
        if (rootKey != null) {
            Incident root = Incident.findByExternalReference(rootKey)
                    .orElseGet(() -> Incident.findByReference(rootKey));
            if (root == null) {
                errors.add("rootEvent", "error.rootEventUnknown", rootKey);
            } else {
                lockedForGrouping(existing, root);
                data = keyed(typed, root.reference, key);
            }
        }
        Incident incident = existing != null ? existing : new Incident();
        Grouping grouping = IncidentService.grouping(data, incident, errors);
        checkHistory(data, history, errors);
        if (existing != null) {
            if ((data.nearMiss() || data.gainEvent()) && LossEntry.count("incident", existing) > 0) {
                errors.add(data.nearMiss() ? "nearMiss" : "gainEvent", "error.noLossEventWithLines");
            }
            LocalDate earliest = LossEntry.earliestAccountingDate(existing);
            if (data.occurrenceDate() != null && earliest != null && earliest.isBefore(data.occurrenceDate())) {
                errors.add("occurrenceDate", "error.occurrenceAfterAccounting", earliest);
            }
        }
        if (errors.any()) {
            return null;
        }
        Incident probe = new Incident();
        if (existing != null) {
            probe.status = existing.status;
            probe.review = copy(existing.review);
        }
        fill(probe, data, grouping, history);
        if (existing != null && same(existing, probe)) {
            return new Written(Outcome.SKIPPED, existing);
        }
        fill(incident, data, grouping, history);
        if (existing != null) {
            ledgers.changedExisting();
            return new Written(Outcome.UPDATED, existing);
        }
        incident.externalReference = key;
        incident.reference = ReferenceCounter.next(IncidentService.REFERENCE_PREFIX,
                incident.reportingDate.getYear());
        LedgerTotals ledger = ledgers.take(key);
        IncidentService.applyTotals(incident, ledger);
        incident.persist();
        ledgers.created(incident, ledger);
        return new Written(Outcome.CREATED, incident);
    }

    /**
     * Before an incident is grouped under {@code root}: the locks a form's edit takes (its event and the root, see
     * {@link IncidentService#update}), then the root read again under them. A form grouping the root under another
     * incident, or grouping an incident under this one, at the same moment, then either comes first and is seen here
     * (the row is refused), or waits for the import and is refused in turn: never an event grouped under an event.
     * What this import wrote so far is flushed first, so reading the root again loses none of it.
     */
    private static void lockedForGrouping(Incident existing, Incident root) {
        EntityManager em = Incident.getEntityManager();
        em.flush();
        IncidentService.lockEvents(existing == null ? null : IncidentService.eventIdOf(existing.id), root.id);
        em.refresh(root);
    }

    /**
     * Books, corrects or leaves the line of that key on the incident; null with the problems in {@code errors} (fields
     * named as on the ledger form), then nothing was changed. An incident this import created has no line to look
     * for yet, and its line is written with its event as the import summed it. The totals are not summed here:
     * {@link #finish} checks them once for every incident touched.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome line(Incident incident, ImportedLedgers ledgers, ImportedLine line, FieldErrors errors) {
        boolean createdByThisImport = ledgers.createdHere(incident.id);
        LossData data = line.data();
        LossEntry existing = line.key() == null || createdByThisImport
                ? null
                : LossEntry.<LossEntry>find("incident = ?1 and externalReference = ?2", incident, line.key())
                        .firstResult();
        if (existing != null && !LedgerLock.current().open(existing.accountingDate)) {
            if (!errors.any() && holds(existing, data, incident)) {
                return Outcome.SKIPPED;
            }
            errors.add("accountingDate", "error.periodLocked", LedgerLock.current().closedThrough);
        }
        LossEntry probe = new LossEntry();
        probe.incident = incident;
        try {
            service.applyLoss(data, keptRate(line), errors, incident, probe);
        } catch (InvalidInputException e) {
            return null;
        }
        probe.postClosure = line.postClosure() != null
                ? line.postClosure()
                : incident.closureDate != null && probe.accountingDate.isAfter(incident.closureDate);
        if (existing != null && same(existing, probe)) {
            return Outcome.SKIPPED;
        }
        LossEntry entry = existing != null ? existing : probe;
        if (existing != null) {
            copy(probe, existing);
        } else {
            entry.externalReference = line.key();
            if (createdByThisImport) {
                entry.event = ledgers.eventOf(incident);
            }
            entry.persist();
        }
        if (!createdByThisImport) {
            ledgers.changedExisting();
        }
        return existing != null ? Outcome.UPDATED : Outcome.CREATED;
    }

    /**
     * After every row: each incident touched has its ledger summed again in the database and compared with its
     * totals; those that differ (an incident this import did not create, or named in a way the early sums could not
     * follow) are written again, with their events' lines. When the import changed records it did not create, every
     * line's event is rewritten once. The computed KRIs follow once. Answers the keys of the incidents whose ledger
     * breaks a rule (recoveries beyond the gross loss, provisions drawn beyond what was set up) with the message key.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, String> finish(Collection<Long> touched, ImportedLedgers ledgers) {
        Map<String, String> refused = new LinkedHashMap<>();
        EntityManager session = Incident.getEntityManager();
        session.flush();
        session.clear();
        PlannerStatistics.refresh("incident", "loss_entry");
        List<Long> ids = List.copyOf(touched);
        for (int from = 0; from < ids.size(); from += FINISH_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + FINISH_CHUNK));
            Map<Long, LedgerTotals> totals = LossEntry.totals(chunk);
            for (Object[] stored : session.createQuery("select i.id, i.grossLoss, i.recoveries,"
                    + " i.expectedRecoveries, i.provisions, coalesce(i.rootEvent.id, i.id),"
                    + " coalesce(i.externalReference, i.reference) from Incident i where i.id in :ids order by i.id",
                    Object[].class).setParameter("ids", chunk).getResultList()) {
                long id = (Long) stored[0];
                LedgerTotals ledger = totals.getOrDefault(id, LedgerTotals.NONE);
                if (!ledger.sameAs((BigDecimal) stored[1], (BigDecimal) stored[2], (BigDecimal) stored[3],
                        (BigDecimal) stored[4])) {
                    IncidentService.applyTotals(Incident.findById(id), ledger);
                    ledgers.stale((Long) stored[5]);
                }
                String problem = ledger.recoveredBeyondGross()
                        ? "error.recoveriesBeyondGross"
                        : ledger.provisionsOverdrawn() ? "error.provisionsOverdrawn" : null;
                if (problem != null) {
                    refused.put((String) stored[6], problem);
                }
            }
            session.flush();
            session.clear();
        }
        if (!ledgers.onlyCreations() || ledgers.staleEvents().size() > FINISH_CHUNK) {
            LossEvents.refreshAll();
        } else {
            LossEvents.refreshEvents(ledgers.staleEvents());
        }
        if (!touched.isEmpty()) {
            registerChanged.fire(RegisterChanged.everything());
        }
        return refused;
    }

    private FxRates.Rate keptRate(ImportedLine line) {
        LossData data = line.data();
        String reporting = config.reportingCurrency();
        boolean sameInto = line.rateInto() == null || line.rateInto().equals(reporting);
        if (line.rateSource() == RateSource.RATE_TABLE && sameInto && data.fxRate() != null
                && data.currency() != null && !data.currency().equals(reporting)) {
            return new FxRates.Rate(data.fxRate(), RateSource.RATE_TABLE);
        }
        return null;
    }

    /** The row's data with the root event given by our reference and the bank's key as external reference. */
    private static IncidentData keyed(IncidentData d, String root, String key) {
        return new IncidentData(d.title(), d.description(), d.severity(), d.eventCategory(), d.eventType(),
                d.businessLine(), d.orgUnit(), d.owner(), d.occurrenceDate(), d.discoveryDate(), d.causes(),
                d.rootCause(), d.thirdParty(), d.nearMiss(), d.gainEvent(), d.legalEntity(), root, d.creditBoundary(),
                d.marketBoundary(), key, d.version());
    }

    /**
     * A closed incident has its closing date, between the discovery and today (as when a manager closes it); an open
     * one has none; the reporting date lies between the discovery and today.
     */
    private static void checkHistory(IncidentData data, History history, FieldErrors errors) {
        LocalDate today = AppClock.today();
        LocalDate discovered = data.discoveryDate();
        if (history.status() == null) {
            return;
        }
        if (history.status() == IncidentStatus.CLOSED) {
            LocalDate closed = history.closureDate();
            if (closed == null) {
                errors.add("closureDate", "error.required");
            } else if (discovered != null && closed.isBefore(discovered)) {
                errors.add("closureDate", "error.closureBeforeDiscovery", discovered);
            } else if (closed.isAfter(today)) {
                errors.add("closureDate", "error.futureDate");
            }
            if (history.closedAt() != null && history.closedAt().isAfter(AppClock.now())) {
                errors.add("closedAt", "error.futureDate");
            }
        } else if (history.closureDate() != null) {
            errors.add("closureDate", "imports.error.closureWhileOpen");
        }
        LocalDate reported = history.reportingDate();
        if (reported != null && reported.isAfter(today)) {
            errors.add("reportingDate", "error.futureDate");
        } else if (reported != null && discovered != null && reported.isBefore(discovered)) {
            errors.add("reportingDate", "imports.error.reportingBeforeDiscovery", discovered);
        }
    }

    private static void fill(Incident incident, IncidentData data, Grouping grouping, History history) {
        boolean wasClosed = incident.status == IncidentStatus.CLOSED && incident.review.reviewedBy != null
                && incident.review.reviewedAt != null;
        IncidentService.apply(data, incident);
        grouping.applyTo(incident);
        incident.status = history.status() != null ? history.status() : IncidentStatus.DRAFT;
        incident.reportingDate = history.reportingDate() != null ? history.reportingDate() : AppClock.today();
        incident.closureDate = incident.status == IncidentStatus.CLOSED ? history.closureDate() : null;
        String me = StampListener.currentUser();
        switch (incident.status) {
            case CLOSED -> {
                // Not given: the closing already recorded stands, else the importing manager on the closing day.
                String closedBy = history.closedBy() != null
                        ? history.closedBy()
                        : wasClosed ? incident.review.reviewedBy : me;
                Instant closedAt = history.closedAt() != null
                        ? history.closedAt()
                        : wasClosed
                                ? incident.review.reviewedAt
                                : incident.closureDate.atStartOfDay().toInstant(ZoneOffset.UTC);
                incident.review.decide(closedBy, closedAt, incident.review.reviewComment);
            }
            case UNDER_REVIEW -> {
                if (incident.review.submittedBy == null) {
                    incident.review.submit(me, AppClock.now());
                }
            }
            default -> {
            }
        }
    }

    private static ReviewRecord copy(ReviewRecord review) {
        ReviewRecord copy = new ReviewRecord();
        copy.submissions = review.submissions;
        copy.submittedBy = review.submittedBy;
        copy.submittedAt = review.submittedAt;
        copy.reviewedBy = review.reviewedBy;
        copy.reviewedAt = review.reviewedAt;
        copy.reviewComment = review.reviewComment;
        return copy;
    }

    /**
     * A line kept in a locked period cannot change: the row may only say what it holds already (then it is left as it
     * is, so the same file imported after the period was locked still changes nothing).
     */
    private static boolean holds(LossEntry entry, LossData data, Incident incident) {
        return entry.type == data.type()
                && (data.type() == null || !data.type().isRecovery() || entry.recoveryStatus == data.recoveryStatus())
                && equal(entry.amount, data.amount()) && Objects.equals(entry.currency, data.currency())
                && Objects.equals(entry.accountingDate, data.accountingDate())
                && entry.businessLine == (data.businessLine() != null ? data.businessLine() : incident.businessLine)
                && Objects.equals(entry.description, data.description())
                && (data.fxRate() == null || equal(entry.fxRate, data.fxRate()));
    }

    /** Whether the incident already holds what the row says. */
    private static boolean same(Incident a, Incident b) {
        return Objects.equals(a.title, b.title) && Objects.equals(a.description, b.description)
                && a.severity == b.severity && a.eventCategory == b.eventCategory && a.eventType == b.eventType
                && a.businessLine == b.businessLine && Objects.equals(a.orgUnit, b.orgUnit)
                && Objects.equals(a.owner, b.owner) && Objects.equals(a.occurrenceDate, b.occurrenceDate)
                && Objects.equals(a.discoveryDate, b.discoveryDate) && Objects.equals(a.causes, b.causes)
                && Objects.equals(a.rootCause, b.rootCause) && Objects.equals(a.thirdParty, b.thirdParty)
                && a.nearMiss == b.nearMiss && a.gainEvent == b.gainEvent && a.creditBoundary == b.creditBoundary
                && a.marketBoundary == b.marketBoundary && Objects.equals(idOf(a.legalEntity), idOf(b.legalEntity))
                && Objects.equals(idOf(a.rootEvent), idOf(b.rootEvent)) && a.status == b.status
                && Objects.equals(a.reportingDate, b.reportingDate) && Objects.equals(a.closureDate, b.closureDate)
                && (a.status != IncidentStatus.CLOSED || Objects.equals(a.review.reviewedBy, b.review.reviewedBy));
    }

    private static Long idOf(org.opregister.reference.LegalEntity entity) {
        return entity == null ? null : entity.id;
    }

    private static Long idOf(Incident incident) {
        return incident == null ? null : incident.id;
    }

    /** Whether the stored line holds what the row says. */
    private static boolean same(LossEntry a, LossEntry b) {
        return a.type == b.type && a.recoveryStatus == b.recoveryStatus && equal(a.amount, b.amount)
                && Objects.equals(a.currency, b.currency) && equal(a.fxRate, b.fxRate) && a.fxSource == b.fxSource
                && Objects.equals(a.fxReason, b.fxReason) && Objects.equals(a.accountingDate, b.accountingDate)
                && a.businessLine == b.businessLine && Objects.equals(a.description, b.description)
                && a.postClosure == b.postClosure;
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? a == b : a.compareTo(b) == 0;
    }

    private static void copy(LossEntry from, LossEntry to) {
        to.type = from.type;
        to.recoveryStatus = from.recoveryStatus;
        to.amount = from.amount;
        to.currency = from.currency;
        to.fxRate = from.fxRate;
        to.fxSource = from.fxSource;
        to.fxReason = from.fxReason;
        to.accountingDate = from.accountingDate;
        to.businessLine = from.businessLine;
        to.description = from.description;
        to.postClosure = from.postClosure;
        to.reportingAmount = from.reportingAmount;
        to.reportingCurrency = from.reportingCurrency;
    }
}
