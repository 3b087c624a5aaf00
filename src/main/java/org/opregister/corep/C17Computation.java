package org.opregister.corep;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.opregister.corep.C17Codes.Bucket;
import org.opregister.corep.C17Codes.Measure;
import org.opregister.corep.C17Codes.Row;
import org.opregister.corep.C17Return.Cell;
import org.opregister.corep.C17Return.Contribution;
import org.opregister.corep.C17Return.EventRef;
import org.opregister.corep.C17Return.Excluded;
import org.opregister.corep.C17Return.LargeEvent;
import org.opregister.corep.ReturnInput.LineGroup;
import org.opregister.corep.ReturnInput.LossEvent;
import org.opregister.corep.ReturnInput.Rule;
import org.opregister.incident.LossType;
import org.opregister.taxonomy.BusinessLine;

/**
 * COREP C 17.01 and C 17.02 computed from the loss events, pure (no database). The rules and their sources are in
 * the README, "COREP C 17.01 and C 17.02"; in short: the lines up to the reference date count; scope reads the
 * event's aggregated gross loss against the collection threshold (C 17.00 instructions para 121); an event in scope at
 * the start of the period is an old one and enters through the change of its gross loss booked in the period (and
 * its recoveries of the period); an event in scope at the reference date but not at the start of the period is a new
 * one, reported with its whole gross loss ("reported for the first time within the reporting reference period");
 * amounts go to each line's business line and the total block counts an event once.
 */
public final class C17Computation {

    private C17Computation() {
    }

    /** One event's figures as of the reference date. */
    private record Figures(LossEvent event, EventRef ref, String column, LocalDate first, boolean isNew,
            BigDecimal gross, BigDecimal grossBefore, Map<BusinessLine, BigDecimal> grossByLine,
            Map<BusinessLine, BigDecimal> adjustmentByLine, Set<BusinessLine> lossLines,
            Map<BusinessLine, BigDecimal> directByLine, Map<BusinessLine, BigDecimal> insuranceByLine,
            BigDecimal directReceived, BigDecimal insuranceReceived) {

        BigDecimal adjustment() {
            return adjustmentByLine.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The return of these events, every cell with all the contributions its value is made of. */
    public static C17Return compute(List<LossEvent> events, ReportingPeriod period, Rule rule) {
        Run run = new Run(period, rule, key -> true);
        events.forEach(run::add);
        return run.result();
    }

    /** Which cells keep every contribution to their sum or count: those of the cell at that row and column. */
    public static Predicate<String> showing(String row, String column) {
        return C17Return.key(row, column)::equals;
    }

    /** No cell keeps the contributions to its sum or count (the grid and the downloads show values only). */
    public static final Predicate<String> VALUES_ONLY = key -> false;

    /**
     * A return computed from events fed one at a time, holding only what the result shows: each cell's value and
     * number of contributions, the winners of a maximum or the five largest, every contribution only in the cells
     * {@code showing} names, and the events C 17.02 lists; so a register of a million incidents is computed in the
     * memory of one event at a time.
     */
    public static final class Run {

        private final ReportingPeriod period;
        private final Rule rule;
        private final Predicate<String> showing;
        private final BigDecimal listingThreshold;
        /** The cells by row, then column: found without building a key for every contribution. */
        private final Map<String, Map<String, Collected>> byRow = new HashMap<>();
        private final Buckets buckets;
        private final List<Excluded> rapidlyRecovered = new ArrayList<>();
        private final List<LargeEvent> listed = new ArrayList<>();

        public Run(ReportingPeriod period, Rule rule, Predicate<String> showing) {
            this.period = period;
            this.rule = rule;
            this.showing = showing;
            this.listingThreshold = rule.fromEur(rule.c1702ThresholdEur());
            this.buckets = new Buckets(rule);
        }

        public void add(LossEvent event) {
            LocalDate first = event.firstAccounting();
            if (first == null || event.nearMiss() || event.gainEvent() || event.creditBoundary()) {
                return;
            }
            BigDecimal gross = event.gross(false);
            boolean inScopeAtStart = event.lossBeforePeriod()
                    && event.gross(true).compareTo(rule.threshold()) >= 0 && !event.rapidlyRecovered(true);
            boolean inScopeAtEnd = gross.compareTo(rule.threshold()) >= 0;
            if (!inScopeAtStart && inScopeAtEnd && event.rapidlyRecovered(false)) {
                rapidlyRecovered.add(new Excluded(ref(event), first, gross));
                return;
            }
            if (inScopeAtStart || inScopeAtEnd) {
                Figures figures = figures(event, first, !inScopeAtStart);
                C17Computation.add(this::put, figures, buckets);
                if ((figures.isNew() || figures.adjustment().signum() != 0)
                        && figures.gross().compareTo(listingThreshold) >= 0) {
                    listed.add(largeEvent(0, figures));
                }
            }
        }

        public C17Return result() {
            return new C17Return(period, cells(byRow, rule), List.copyOf(rapidlyRecovered), largeEvents(listed));
        }

        /** Into the event type's column and the total column 0080. */
        private void put(String row, String column, Contribution contribution) {
            Map<String, Collected> columns = byRow.computeIfAbsent(row, r -> new HashMap<>());
            cell(columns, row, column).add(contribution);
            cell(columns, row, C17Codes.TOTAL_COLUMN).add(contribution);
        }

        private Collected cell(Map<String, Collected> columns, String row, String column) {
            Collected cell = columns.get(column);
            if (cell == null) {
                cell = new Collected(C17Codes.row(row).measure(), showing.test(C17Return.key(row, column)));
                columns.put(column, cell);
            }
            return cell;
        }
    }

    /** Where {@link #add} puts a contribution: a row of the template and an event type's column. */
    private interface Sink {

        void put(String row, String column, Contribution contribution);
    }

    /**
     * What one cell has collected: the sum and number of its contributions, and which of them it keeps: the winners
     * of a maximum or the five largest (largest first, ties by reference, then in the order they came), or all of
     * them when the cell is shown with its events.
     */
    private static final class Collected {

        private static final Comparator<Contribution> LARGEST_FIRST = Comparator
                .comparing(Contribution::amount).reversed().thenComparing(c -> c.event().reference());

        private final int ranked;
        private final boolean keepAll;
        private final List<Contribution> kept = new ArrayList<>();
        private BigDecimal sum = BigDecimal.ZERO;
        private long count;

        Collected(Measure measure, boolean keepAll) {
            this.ranked = measure == Measure.MAX ? 1 : measure == Measure.TOP5 ? 5 : 0;
            this.keepAll = keepAll;
        }

        void add(Contribution contribution) {
            count++;
            if (ranked == 0) {
                sum = sum.add(contribution.amount());
                if (keepAll) {
                    kept.add(contribution);
                }
                return;
            }
            int at = kept.size();
            while (at > 0 && LARGEST_FIRST.compare(kept.get(at - 1), contribution) > 0) {
                at--;
            }
            if (at < ranked) {
                kept.add(at, contribution);
                if (kept.size() > ranked) {
                    kept.remove(ranked);
                }
            }
        }

        Cell cell(String row, String column) {
            return new Cell(row, column, ranked == 0 ? sum : C17Computation.sum(kept), count, List.copyOf(kept));
        }
    }

    private static EventRef ref(LossEvent event) {
        return new EventRef(event.rootId(), event.reference(), event.title());
    }

    /**
     * A new event's amounts are its whole gross loss and every recovery received up to the reference date (none of
     * them was reported before); an old event's are the change of its gross loss and the recoveries booked in the
     * period.
     */
    private static Figures figures(LossEvent event, LocalDate first, boolean isNew) {
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal grossBefore = BigDecimal.ZERO;
        Map<BusinessLine, BigDecimal> grossByLine = new EnumMap<>(BusinessLine.class);
        Map<BusinessLine, BigDecimal> adjustmentByLine = new EnumMap<>(BusinessLine.class);
        Set<BusinessLine> lossLines = new LinkedHashSet<>();
        Map<BusinessLine, BigDecimal> directByLine = new EnumMap<>(BusinessLine.class);
        Map<BusinessLine, BigDecimal> insuranceByLine = new EnumMap<>(BusinessLine.class);
        BigDecimal direct = BigDecimal.ZERO;
        BigDecimal insurance = BigDecimal.ZERO;
        for (LineGroup group : event.groups()) {
            if (group.type().isRecovery()) {
                if (!group.received()) {
                    continue;
                }
                boolean other = group.type() == LossType.OTHER_RECOVERY;
                if (other) {
                    direct = direct.add(group.amount());
                } else {
                    insurance = insurance.add(group.amount());
                }
                if (isNew || group.inPeriod()) {
                    (other ? directByLine : insuranceByLine).merge(group.businessLine(), group.amount(),
                            BigDecimal::add);
                }
                continue;
            }
            if (group.type().grossSign == 0) {
                continue;
            }
            gross = gross.add(group.gross());
            lossLines.add(group.businessLine());
            grossByLine.merge(group.businessLine(), group.gross(), BigDecimal::add);
            if (group.inPeriod()) {
                adjustmentByLine.merge(group.businessLine(), group.gross(), BigDecimal::add);
            } else {
                grossBefore = grossBefore.add(group.gross());
            }
        }
        return new Figures(event, ref(event), C17Codes.EVENT_TYPE_COLUMNS.get(event.category()), first, isNew, gross,
                grossBefore, grossByLine, adjustmentByLine, lossLines, directByLine, insuranceByLine, direct,
                insurance);
    }

    private static void add(Sink collected, Figures f, Buckets buckets) {
        EventRef ref = f.ref();
        for (C17Codes.Block block : C17Codes.BLOCKS) {
            BusinessLine line = block.businessLine();
            if (f.isNew() && f.lossLines().contains(line)) {
                BigDecimal gross = f.grossByLine().get(line);
                put(collected, block.code("10"), f.column(), ref, line, BigDecimal.ONE);
                put(collected, block.code("20"), f.column(), ref, line, gross);
                candidate(collected, block.code("50"), block.code("60"), f.column(), ref, line, gross);
            }
            BigDecimal adjustment = f.isNew() ? null : f.adjustmentByLine().get(line);
            if (adjustment != null && adjustment.signum() != 0) {
                put(collected, block.code("30"), f.column(), ref, line, BigDecimal.ONE);
                put(collected, block.code("40"), f.column(), ref, line, adjustment);
                candidate(collected, block.code("50"), block.code("60"), f.column(), ref, line, adjustment);
            }
            BigDecimal direct = f.directByLine().get(line);
            if (direct != null) {
                put(collected, block.code("70"), f.column(), ref, line, direct);
                put(collected, "0970", f.column(), ref, line, direct);
            }
            BigDecimal insurance = f.insuranceByLine().get(line);
            if (insurance != null) {
                put(collected, block.code("80"), f.column(), ref, line, insurance);
                put(collected, "0980", f.column(), ref, line, insurance);
            }
        }
        if (f.isNew()) {
            BigDecimal gross = f.gross();
            if (gross.signum() > 0) {
                put(collected, "0960", f.column(), ref, null, gross);
            }
            put(collected, "0910", f.column(), ref, null, BigDecimal.ONE);
            put(collected, "0920", f.column(), ref, null, gross);
            Bucket bucket = buckets.of(gross);
            if (bucket != null) {
                put(collected, "091" + bucket.number(), f.column(), ref, null, BigDecimal.ONE);
                put(collected, "092" + bucket.number(), f.column(), ref, null, gross);
            }
        } else if (f.adjustment().signum() != 0) {
            BigDecimal adjustment = f.adjustment();
            if (adjustment.signum() > 0) {
                put(collected, "0960", f.column(), ref, null, adjustment);
            }
            put(collected, "0930", f.column(), ref, null, BigDecimal.ONE);
            put(collected, "0940", f.column(), ref, null, adjustment);
            Set<Bucket> touched = new LinkedHashSet<>();
            touched.add(buckets.of(f.grossBefore()));
            touched.add(buckets.of(f.gross()));
            touched.remove(null);
            for (Bucket bucket : touched) {
                put(collected, "093" + bucket.number(), f.column(), ref, null, BigDecimal.ONE);
                put(collected, "094" + bucket.number(), f.column(), ref, null, adjustment);
            }
        }
    }

    /**
     * A business line's part of a loss that competes for the block's maximum single loss and five largest (x50, x60),
     * and for the total block's maximum 0950: the largest of the business lines' maxima (EBA check EGDQ_0082, Q&A
     * 2022_6656). The total block's five largest (0960) rank whole events instead ({@link #add}).
     */
    private static void candidate(Sink collected, String maxRow, String topRow,
            String column, EventRef ref, BusinessLine line, BigDecimal amount) {
        if (amount.signum() <= 0) {
            return;
        }
        put(collected, maxRow, column, ref, line, amount);
        put(collected, topRow, column, ref, line, amount);
        put(collected, "0950", column, ref, line, amount);
    }

    private static void put(Sink collected, String row, String column, EventRef ref, BusinessLine line,
            BigDecimal amount) {
        collected.put(row, column, new Contribution(ref, line, amount));
    }

    /** The size bucket of an amount in the reporting currency; null below EUR 10,000. */
    static Bucket bucket(BigDecimal amount, Rule rule) {
        return new Buckets(rule).of(amount);
    }

    /** The size buckets with their bounds in the reporting currency, converted once for a return. */
    private static final class Buckets {

        private final BigDecimal[] from = new BigDecimal[C17Codes.BUCKETS.size()];
        private final BigDecimal[] to = new BigDecimal[C17Codes.BUCKETS.size()];

        Buckets(Rule rule) {
            for (int i = 0; i < from.length; i++) {
                Bucket bucket = C17Codes.BUCKETS.get(i);
                from[i] = rule.fromEur(bucket.fromEur());
                to[i] = bucket.toEur() == null ? null : rule.fromEur(bucket.toEur());
            }
        }

        /** The size bucket of an amount in the reporting currency; null below EUR 10,000. */
        Bucket of(BigDecimal amount) {
            for (int i = 0; i < from.length; i++) {
                if (amount.compareTo(from[i]) >= 0 && (to[i] == null || amount.compareTo(to[i]) < 0)) {
                    return C17Codes.BUCKETS.get(i);
                }
            }
            return null;
        }
    }

    private static Map<String, Cell> cells(Map<String, Map<String, Collected>> byRow, Rule rule) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        BigDecimal threshold = rule.threshold();
        for (Row row : C17Codes.ROWS) {
            for (C17Codes.Code column : C17Codes.COLUMNS) {
                String code = column.code();
                String key = C17Return.key(row.code(), code);
                if (code.equals(C17Codes.LOWEST_THRESHOLD) || code.equals(C17Codes.HIGHEST_THRESHOLD)) {
                    if (row.suffix().equals("10") && row.code().endsWith("10")) {
                        cells.put(key, new Cell(row.code(), code, threshold, 0, List.of()));
                    }
                    continue;
                }
                Collected cell = byRow.getOrDefault(row.code(), Map.of()).get(code);
                cells.put(key, cell == null
                        ? new Cell(row.code(), code, BigDecimal.ZERO, 0, List.of())
                        : cell.cell(row.code(), code));
            }
        }
        // A computed return is shared by the requests that read it (ComputedReturns).
        return Collections.unmodifiableMap(cells);
    }

    private static BigDecimal sum(List<Contribution> contributions) {
        return contributions.stream().map(Contribution::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * C 17.02: the events of the return (new or adjusted in the period) at or above the threshold, largest first,
     * numbered; each row replaces its unnumbered one as it goes, so the rows are never held twice.
     */
    private static List<LargeEvent> largeEvents(List<LargeEvent> listed) {
        listed.sort(Comparator.comparing(LargeEvent::gross).reversed().thenComparing(e -> e.event().reference()));
        for (int i = 0; i < listed.size(); i++) {
            LargeEvent e = listed.get(i);
            listed.set(i, new LargeEvent(i + 1, e.event(), e.firstAccounting(), e.occurrenceDate(),
                    e.discoveryDate(), e.category(), e.eventType(), e.entityCode(), e.entityName(), e.entityLei(),
                    e.orgUnit(), e.gross(), e.grossNetOfDirect(), e.insurance(), e.grossByLine()));
        }
        return List.copyOf(listed);
    }

    private static LargeEvent largeEvent(int line, Figures f) {
        LossEvent e = f.event();
        return new LargeEvent(line, f.ref(), f.first(), e.occurrenceDate(), e.discoveryDate(), e.category(),
                e.eventType(), e.entityCode(), e.entityName(), e.entityLei(), e.orgUnit(), f.gross(),
                f.gross().subtract(f.directReceived()), f.insuranceReceived(), Map.copyOf(f.grossByLine()));
    }
}
