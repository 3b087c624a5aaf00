package org.opregister.corep;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.opregister.audit.AuditEntry;
import org.opregister.core.AppClock;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.OneSnapshot;
import org.opregister.core.OpriskConfig;
import org.opregister.corep.ReturnInput.LineGroup;
import org.opregister.corep.ReturnInput.LossEvent;
import org.opregister.incident.LedgerLock;
import org.opregister.incident.LossDataChanges;
import org.opregister.incident.LossType;
import org.opregister.incident.RecoveryStatus;
import org.opregister.reference.FxRate;
import org.opregister.reference.LegalEntity;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

/**
 * Reads the ledger for a C 17 return, summed in the database (the lines before the period and inside it by root
 * event, business line, type and recovery status, then the roots' attributes), and computes it with
 * {@link C17Computation}. The figures of a return are kept ({@link ComputedReturns}) until the loss data they read
 * changes: the grid, C 17.02 and the downloads of unchanged records are not computed again, and after a change to
 * incidents and their lines only the events it touched are read again ({@link #computeKept}).
 */
@ApplicationScoped
public class C17Returns {

    static final String EUR = "EUR";
    private static final int IDS_PER_QUERY = 1000;

    @Inject
    EntityManager em;

    @Inject
    OpriskConfig config;

    @Inject
    ComputedReturns computedReturns;

    /** The ledger lock as it stands, against the reference date. */
    public record LockState(LocalDate closedThrough, boolean covered) {

        /** For the audit trail: the locked-through date and whether the reference date is covered. */
        public String describe() {
            return "lockedThrough=" + (closedThrough == null ? "(none)" : closedThrough) + "; referenceDateLocked="
                    + covered;
        }
    }

    /**
     * A return as the pages and downloads show it, or why it cannot be computed ({@code errors}: the reference date or
     * entity as typed, or the missing EUR rate under {@link FieldErrors#FORM}; then {@code result} is null).
     * {@code eventsRead}: how many loss events this view read from the database (none when the return was kept).
     */
    public record Prepared(String referenceDateInput, LocalDate referenceDate, String entityCode, LegalEntity entity,
            String currency, FxRate.Quote eurRate, LockState lock, C17Return result, String hash, long lines,
            long eventsRead, FieldErrors errors, List<LegalEntity> entities) {

        public boolean ok() {
            return !errors.any();
        }

        /** Bad input (a date or entity that is not one), as opposed to a missing rate. */
        public boolean badInput() {
            return errors.has(REFERENCE_DATE) || errors.has(ENTITY);
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
                    + (entity == null ? "" : "&entity=" + URLEncoder.encode(entity.code, StandardCharsets.UTF_8));
        }

        /** The URL of a page of this return's list at that path, up to where the pager adds its page. */
        public String pagerBase(String path) {
            return path + "?" + query() + "&";
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

    static final String REFERENCE_DATE = "referenceDate";
    static final String ENTITY = "entity";

    /** The return as the grid, C 17.02 and the downloads show it: every cell's value, no cell's list of events. */
    @Transactional
    public Prepared prepare(String referenceDateInput, String entityInput) {
        return prepare(referenceDateInput, entityInput, C17Computation.VALUES_ONLY);
    }

    /**
     * The return with the contributions to the sums and counts of the cells {@code showing} names (a cell's page
     * lists its events). Its many statements read one snapshot of the ledger, so the figures and the hash describe
     * the ledger as of one moment even while it is written.
     */
    @Transactional
    public Prepared prepare(String referenceDateInput, String entityInput, Predicate<String> showing) {
        OneSnapshot.forThisTransaction(em);
        long lastChange = AuditEntry.lastChangeId();
        List<LegalEntity> entities = LegalEntity.all();
        String currency = config.reportingCurrency();
        FieldErrors errors = new FieldErrors();
        FormInput input = new FormInput(errors);
        LegalEntity entity = null;
        String entityCode = FormInput.trimmed(entityInput);
        if (entityCode != null && !entityCode.isEmpty()) {
            entity = entities.stream().filter(e -> e.code.equals(entityCode)).findFirst().orElse(null);
            if (entity == null) {
                errors.add(ENTITY, "corep.error.unknownEntity", entityCode);
            }
        }
        LocalDate referenceDate = input.date(REFERENCE_DATE, referenceDateInput, false);
        if (referenceDate == null && !errors.has(REFERENCE_DATE)) {
            referenceDate = defaultReferenceDate();
        }
        Optional<ReportingPeriod> period = ReportingPeriod.of(referenceDate);
        if (referenceDate != null && period.isEmpty()) {
            errors.add(REFERENCE_DATE, "corep.error.notReferenceDate");
        }
        if (errors.any()) {
            return refused(referenceDateInput, referenceDate, entityInput, currency, entities, errors);
        }
        Optional<FxRate.Quote> rate = FxRate.on(EUR, currency, referenceDate);
        if (rate.isEmpty()) {
            errors.add(FieldErrors.FORM, "corep.error.noEurRate", currency, referenceDate);
            return refused(referenceDateInput, referenceDate, entityInput, currency, entities, errors);
        }
        LedgerLock lock = LedgerLock.current();
        LocalDate closedThrough = lock == null ? null : lock.closedThrough;
        LockState lockState = new LockState(closedThrough,
                closedThrough != null && !closedThrough.isBefore(referenceDate));
        ReturnInput.Rule rule = new ReturnInput.Rule(config.lossData().threshold(), currency, rate.get().rate(),
                rate.get().rateDate(), config.returns().c1702Threshold());
        ComputedReturns.Key key = new ComputedReturns.Key(referenceDate, entity == null ? null : entity.code, rule);
        ComputedReturns.Computed computed;
        long eventsRead = 0;
        if (showing == C17Computation.VALUES_ONLY) {
            computed = computedReturns.at(key, lastChange);
            if (computed == null) {
                computed = computeKept(period.get(), entity, key, lastChange);
                computedReturns.keep(key, lastChange, computed);
                eventsRead = computed.eventsRead();
            }
        } else {
            computed = computeAfresh(period.get(), entity, showing, key);
            eventsRead = computed.eventsRead();
        }
        return new Prepared(referenceDateInput, referenceDate, entityInput, entity, currency, rate.get(), lockState,
                computed.result(), computed.hash(), computed.lines(), eventsRead, errors, entities);
    }

    /** The return read whole, with the contributions to the cells {@code showing} names. */
    private ComputedReturns.Computed computeAfresh(ReportingPeriod period, LegalEntity entity,
            Predicate<String> showing, ComputedReturns.Key key) {
        return computed(period, key.rule(), showing, key, events -> load(period, entity, serialised(events)));
    }

    /**
     * The return for the values its pages and downloads show. When the events of this return read at an earlier
     * change are kept and the changes since are about incidents and their lines only, just the events those changes
     * touched are read again ({@link #changedRoots}) and the return is computed from the kept events with them;
     * otherwise every event is read. Either way the events are kept for the next change (up to
     * {@link ComputedReturns#EVENTS_KEPT}).
     */
    private ComputedReturns.Computed computeKept(ReportingPeriod period, LegalEntity entity, ComputedReturns.Key key,
            long lastChange) {
        ComputedReturns.Events base = computedReturns.eventsAtOrBefore(key, lastChange);
        Set<Long> changed = base == null ? null : changedRoots(base.lastChange(), lastChange);
        NavigableMap<Long, LedgerHash.Serialised> events = changed == null
                ? new TreeMap<>()
                : new TreeMap<>(base.byRoot());
        ComputedReturns.Computed computed;
        if (changed == null) {
            computed = computed(period, key.rule(), C17Computation.VALUES_ONLY, key,
                    sink -> load(period, entity, serialised(event -> {
                        if (events.size() <= ComputedReturns.EVENTS_KEPT) {
                            events.put(event.event().rootId(), event);
                        }
                        sink.accept(event);
                    })));
        } else {
            events.keySet().removeAll(changed);
            long[] read = {0};
            if (!changed.isEmpty()) {
                load(period, entity, activeRoots(period, entity, changed), serialised(event -> {
                    events.put(event.event().rootId(), event);
                    read[0]++;
                }));
            }
            ComputedReturns.Computed fromKept = computed(period, key.rule(), C17Computation.VALUES_ONLY, key,
                    events.values()::forEach);
            computed = new ComputedReturns.Computed(fromKept.result(), fromKept.hash(), fromKept.lines(), read[0]);
        }
        if (events.size() <= ComputedReturns.EVENTS_KEPT) {
            computedReturns.keepEvents(new ComputedReturns.Events(key, lastChange, events));
        }
        return computed;
    }

    private static Consumer<LossEvent> serialised(Consumer<LedgerHash.Serialised> events) {
        return event -> events.accept(LedgerHash.Serialised.of(event));
    }

    /**
     * The events (root ids) the changes after {@code kept} up to {@code now} may have touched: each changed incident,
     * the event it counts in now (by its root, and by its lines), the events a regrouping moved it from and to, and
     * the incidents grouped under all of those. Null when a change is not about incidents and their lines (an entity, a
     * rate, the ledger
     * conversion) or there are too many: then every event is read.
     */
    private Set<Long> changedRoots(long kept, long now) {
        Optional<Set<Long>> incidents = LossDataChanges.incidentsChanged(kept, now);
        if (incidents.isEmpty()) {
            return null;
        }
        Set<Long> roots = new HashSet<>(incidents.get());
        for (List<Long> chunk : chunks(incidents.get())) {
            roots.addAll(em.createQuery("select coalesce(r.id, i.id) from Incident i left join i.rootEvent r"
                    + " where i.id in :ids", Long.class).setParameter("ids", chunk).getResultList());
            roots.addAll(em.createQuery("select distinct l.event.root from LossEntry l where l.incident.id in :ids",
                    Long.class).setParameter("ids", chunk).getResultList());
        }
        // The incidents grouped under those roots: a kept event of one of them (were its lines ever left on it)
        // goes, rather than count beside its root's.
        for (List<Long> chunk : chunks(List.copyOf(roots))) {
            roots.addAll(em.createQuery("select i.id from Incident i where i.rootEvent.id in :roots", Long.class)
                    .setParameter("roots", chunk).getResultList());
        }
        return roots;
    }

    /** The return's figures, hash and line count from its events, which {@code events} hands on by root id. */
    private static ComputedReturns.Computed computed(ReportingPeriod period, ReturnInput.Rule rule,
            Predicate<String> showing, ComputedReturns.Key key, Consumer<Consumer<LedgerHash.Serialised>> events) {
        C17Computation.Run run = new C17Computation.Run(period, rule, showing);
        LedgerHash.Digest hash = new LedgerHash.Digest(key.referenceDate(), key.entityCode(), rule);
        long[] counted = {0, 0};
        events.accept(event -> {
            run.add(event.event());
            hash.add(event);
            counted[0] += event.event().lines();
            counted[1]++;
        });
        return new ComputedReturns.Computed(run.result(), hash.hex(), counted[0], counted[1]);
    }

    private static Prepared refused(String input, LocalDate date, String entityCode, String currency,
            List<LegalEntity> entities, FieldErrors errors) {
        return new Prepared(input, date, entityCode, null, currency, null, null, null, null, 0, 0, errors, entities);
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
     * The events with a line in the period, by root id, each summed in the database: its lines before the period and
     * the lines inside it, grouped by business line, type and recovery status, with the root's attributes. Read a
     * thousand events at a time (three queries each), handed on one by one and not kept, so the return's memory does
     * not grow with the register. With an entity, only the events whose root belongs to it.
     */
    public void load(ReportingPeriod period, LegalEntity entity, Consumer<LossEvent> events) {
        load(period, entity, activeRoots(period, entity, null), events);
    }

    /** Those events ({@link #activeRoots}), by root id. */
    private void load(ReportingPeriod period, LegalEntity entity, List<Long> roots, Consumer<LossEvent> events) {
        Shared shared = new Shared();
        for (List<Long> chunk : chunks(roots)) {
            Map<Long, List<LineGroup>> byRoot = new HashMap<>();
            groups(byRoot, chunk, false, period);
            groups(byRoot, chunk, true, period);
            List<Object[]> attributes = em.createQuery("select i.id, i.reference, i.title, i.eventCategory,"
                    + " i.eventType, i.nearMiss, i.gainEvent, i.creditBoundary, i.occurrenceDate, i.discoveryDate,"
                    + " e.code, e.name, e.lei, i.orgUnit from Incident i join i.legalEntity e where i.id in :ids"
                    + " order by i.id", Object[].class).setParameter("ids", chunk).getResultList();
            for (Object[] r : attributes) {
                long id = (Long) r[0];
                List<LineGroup> groups = byRoot.get(id);
                if (groups == null) {
                    // Not possible in one snapshot: the event's lines of the period are what made it active.
                    continue;
                }
                groups.sort(LineGroup.ORDER);
                events.accept(new LossEvent(id, (String) r[1], (String) r[2], (EventCategory) r[3],
                        (EventType) r[4], (Boolean) r[5], (Boolean) r[6], (Boolean) r[7], (LocalDate) r[8],
                        (LocalDate) r[9], shared.one(r[10]), shared.one(r[11]), shared.one(r[12]),
                        shared.one(r[13]), List.copyOf(groups)));
            }
        }
    }

    /**
     * The events with a line booked in the period, by root id. An event without one adds nothing to the return (no
     * new loss, no adjustment, no recovery in the period), so its earlier lines are not read: the return reads the
     * events of its period, not the whole history. Each line carries the event it counts in ({@code LineEvent}: its
     * root), so no incident is joined to find it, but to keep an entity's. With {@code among}, only those events (a
     * thousand at a time); with null, all of them.
     */
    private List<Long> activeRoots(ReportingPeriod period, LegalEntity entity, Collection<Long> among) {
        if (among == null) {
            return activeRootsAmong(period, entity, null);
        }
        List<Long> roots = new ArrayList<>();
        for (List<Long> chunk : chunks(among.stream().sorted().toList())) {
            roots.addAll(activeRootsAmong(period, entity, chunk));
        }
        return roots;
    }

    /** The ids a thousand at a time, in their order: what one {@code in} list of a query holds. */
    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)));
        }
        return chunks;
    }

    private List<Long> activeRootsAmong(ReportingPeriod period, LegalEntity entity, List<Long> chunk) {
        var query = em.createQuery("select distinct l.event.root from LossEntry l"
                + (entity == null ? "" : " join Incident root on root.id = l.event.root")
                + " where l.accountingDate >= :start and l.accountingDate <= :end"
                + (entity == null ? "" : " and root.legalEntity.id = :entity")
                + (chunk == null ? "" : " and l.event.root in :among") + " order by l.event.root", Long.class)
                .setParameter("start", period.start()).setParameter("end", period.end());
        if (entity != null) {
            query.setParameter("entity", entity.id);
        }
        if (chunk != null) {
            query.setParameter("among", chunk);
        }
        return query.getResultList();
    }

    /** The lines of those events before the period, or inside it, grouped (read through the event's index). */
    private void groups(Map<Long, List<LineGroup>> byRoot, List<Long> roots, boolean inPeriod,
            ReportingPeriod period) {
        String jpql = "select l.event.root, l.businessLine, l.type, l.recoveryStatus, sum(l.reportingAmount),"
                + " count(l), min(l.accountingDate), max(l.accountingDate) from LossEntry l"
                + " where l.event.root in :roots and "
                + (inPeriod ? "l.accountingDate >= :start and l.accountingDate <= :end" : "l.accountingDate < :start")
                + " group by l.event.root, l.businessLine, l.type, l.recoveryStatus";
        var query = em.createQuery(jpql, Object[].class).setParameter("roots", roots)
                .setParameter("start", period.start());
        if (inPeriod) {
            query.setParameter("end", period.end());
        }
        for (Object[] row : query.getResultList()) {
            byRoot.computeIfAbsent((Long) row[0], k -> new ArrayList<>())
                    .add(new LineGroup((BusinessLine) row[1], (LossType) row[2], (RecoveryStatus) row[3], inPeriod,
                            (BigDecimal) row[4], ((Number) row[5]).longValue(), (LocalDate) row[6],
                            (LocalDate) row[7]));
        }
    }

    /**
     * One instance of each entity and unit name a return reads: C 17.02 keeps a row per large event (113,000 at
     * 1,000,000 incidents), whose names repeat.
     */
    private static final class Shared {

        private final Map<String, String> names = new HashMap<>();

        String one(Object name) {
            return name == null ? null : names.computeIfAbsent((String) name, n -> n);
        }
    }
}
