package org.opregister.corep;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.opregister.core.AppClock;
import org.opregister.core.OpriskConfig;
import org.opregister.corep.ReturnInput.LedgerLine;
import org.opregister.corep.ReturnInput.LossEvent;
import org.opregister.incident.Incident;
import org.opregister.incident.LedgerLock;
import org.opregister.incident.LossDataSet;
import org.opregister.incident.LossType;
import org.opregister.incident.RecoveryStatus;
import org.opregister.reference.FxRate;
import org.opregister.reference.LegalEntity;
import org.opregister.taxonomy.BusinessLine;

/**
 * Reads the ledger for a C 17 return with two queries (the lines up to the reference date, then their root
 * incidents), whatever the number of incidents, and computes it with {@link C17Computation}.
 */
@ApplicationScoped
public class C17Returns {

    static final String EUR = "EUR";
    private static final int IDS_PER_QUERY = 1000;

    @Inject
    EntityManager em;

    @Inject
    OpriskConfig config;

    /** The ledger lock as it stands, against the reference date. */
    public record LockState(LocalDate closedThrough, boolean covered) {

        /** For the audit trail: the locked-through date and whether the reference date is covered. */
        public String describe() {
            return "lockedThrough=" + (closedThrough == null ? "(none)" : closedThrough) + "; referenceDateLocked="
                    + covered;
        }
    }

    /**
     * A return as the pages and downloads show it, or the reason it cannot be computed ({@code problem}, a message
     * key with its arguments; then {@code result} is null).
     */
    public record Prepared(String referenceDateInput, LocalDate referenceDate, String entityCode, LegalEntity entity,
            String currency, FxRate.Quote eurRate, LockState lock, C17Return result, String hash, int lines,
            String problem, List<Object> problemArgs, List<LegalEntity> entities) {

        public boolean ok() {
            return problem == null;
        }

        /** The problem as a sentence in the user's language. */
        public String problemMessage() {
            return problem == null
                    ? ""
                    : org.opregister.core.Messages.get(org.opregister.core.CurrentLocale.current(), problem,
                            problemArgs.toArray());
        }

        /** The reference date as typed, or the one chosen by default, for the chooser. */
        public String referenceDateValue() {
            return referenceDate != null
                    ? referenceDate.toString()
                    : referenceDateInput == null
                            ? ""
                            : referenceDateInput;
        }

        /** The query string that selects this return again. */
        public String query() {
            return "referenceDate=" + (referenceDate == null ? "" : referenceDate)
                    + (entity == null
                            ? ""
                            : "&entity=" + java.net.URLEncoder.encode(entity.code,
                                    java.nio.charset.StandardCharsets.UTF_8));
        }

        /** Whether the EUR thresholds were converted (the reporting currency is not EUR). */
        public boolean converted() {
            return eurRate != null && !EUR.equals(currency);
        }

        /** For the audit trail of a download. */
        public String auditFilters(String template) {
            return "template=" + template + "; referenceDate=" + referenceDate + "; entity="
                    + (entity == null ? "(all, consolidated)" : entity.code) + "; currency=" + currency + "; "
                    + lock.describe() + "; ledgerLines=" + lines + "; sha256=" + hash;
        }
    }

    /** The data read from the ledger: the events and every line read (the hash covers them). */
    public record Loaded(List<LossEvent> events, List<LedgerLine> lines) {
    }

    @Transactional
    public Prepared prepare(String referenceDateInput, String entityInput) {
        List<LegalEntity> entities = LegalEntity.all();
        String currency = config.reportingCurrency();
        LegalEntity entity = null;
        if (entityInput != null && !entityInput.isBlank()) {
            entity = entities.stream().filter(e -> e.code.equals(entityInput.strip())).findFirst().orElse(null);
            if (entity == null) {
                return problem(referenceDateInput, null, entityInput, currency, entities, "corep.error.unknownEntity",
                        entityInput.strip());
            }
        }
        LocalDate referenceDate;
        if (referenceDateInput == null || referenceDateInput.isBlank()) {
            referenceDate = defaultReferenceDate();
        } else {
            try {
                referenceDate = LocalDate.parse(referenceDateInput.strip());
            } catch (DateTimeParseException e) {
                return problem(referenceDateInput, null, entityInput, currency, entities, "corep.error.dateFormat");
            }
        }
        Optional<ReportingPeriod> period = ReportingPeriod.of(referenceDate);
        if (period.isEmpty()) {
            return problem(referenceDateInput, referenceDate, entityInput, currency, entities,
                    "corep.error.notReferenceDate");
        }
        Optional<FxRate.Quote> rate = FxRate.on(EUR, currency, referenceDate);
        if (rate.isEmpty()) {
            return problem(referenceDateInput, referenceDate, entityInput, currency, entities, "corep.error.noEurRate",
                    currency, referenceDate.toString());
        }
        LedgerLock lock = LedgerLock.current();
        LocalDate closedThrough = lock == null ? null : lock.closedThrough;
        LockState lockState = new LockState(closedThrough,
                closedThrough != null && !closedThrough.isBefore(referenceDate));
        Loaded loaded = load(referenceDate, entity);
        ReturnInput.Rule rule = new ReturnInput.Rule(config.lossData().threshold(),
                LossDataSet.NET.equals(config.lossData().thresholdBasis()), rate.get().rate(),
                config.returns().c1702Threshold());
        C17Return result = C17Computation.compute(loaded.events(), period.get(), rule);
        return new Prepared(referenceDateInput, referenceDate, entityInput, entity, currency, rate.get(), lockState,
                result, LedgerHash.of(loaded.lines()), loaded.lines().size(), null, List.of(), entities);
    }

    private static Prepared problem(String input, LocalDate date, String entityCode, String currency,
            List<LegalEntity> entities, String key, Object... args) {
        return new Prepared(input, date, entityCode, null, currency, null, null, null, null, 0, key, List.of(args),
                entities);
    }

    /**
     * The latest 30 June or 31 December on or before today whose period holds ledger lines (so a fresh install
     * shows the example case); the latest such date when the ledger is empty.
     */
    LocalDate defaultReferenceDate() {
        LocalDate latest = ReportingPeriod.latestOnOrBefore(AppClock.today());
        LocalDate lastLine = em
                .createQuery("select max(l.accountingDate) from LossEntry l where l.accountingDate <= :d",
                        LocalDate.class)
                .setParameter("d", latest).getSingleResult();
        if (lastLine == null || lastLine.getYear() == latest.getYear()) {
            return latest;
        }
        return LocalDate.of(lastLine.getYear(), 12, 31);
    }

    /**
     * The events of the ledger up to the reference date: every line with an accounting date on or before it, grouped
     * under its root event (the incident itself when it is not grouped); with an entity, only the events whose root
     * belongs to it.
     */
    public Loaded load(LocalDate referenceDate, LegalEntity entity) {
        String jpql = "select l.id, i.id, coalesce(r.id, i.id), l.type, l.recoveryStatus, l.reportingAmount,"
                + " l.accountingDate, l.businessLine from LossEntry l join l.incident i left join i.rootEvent r"
                + " where l.accountingDate <= :referenceDate"
                + (entity == null ? "" : " and coalesce(r.legalEntity.id, i.legalEntity.id) = :entity");
        var query = em.createQuery(jpql, Object[].class).setParameter("referenceDate", referenceDate);
        if (entity != null) {
            query.setParameter("entity", entity.id);
        }
        List<LedgerLine> lines = new ArrayList<>();
        Map<Long, List<LedgerLine>> byRoot = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            LedgerLine line = new LedgerLine((Long) row[0], (Long) row[1], (LossType) row[3], (RecoveryStatus) row[4],
                    (BigDecimal) row[5], (LocalDate) row[6], (BusinessLine) row[7]);
            lines.add(line);
            byRoot.computeIfAbsent((Long) row[2], k -> new ArrayList<>()).add(line);
        }
        List<Long> ids = new ArrayList<>(byRoot.keySet());
        ids.sort(null);
        List<LossEvent> events = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            List<Incident> roots = em.createQuery(
                    "select i from Incident i join fetch i.legalEntity where i.id in :ids order by i.id",
                    Incident.class).setParameter("ids", chunk).getResultList();
            for (Incident root : roots) {
                events.add(new LossEvent(root.id, root.reference, root.title, root.eventCategory, root.eventType,
                        root.nearMiss, root.gainEvent, root.creditBoundary, root.occurrenceDate, root.discoveryDate,
                        root.legalEntity.code, root.legalEntity.name, root.legalEntity.lei, root.orgUnit,
                        List.copyOf(byRoot.get(root.id))));
            }
        }
        return new Loaded(List.copyOf(events), List.copyOf(lines));
    }
}
