package org.opregister.losses;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hibernate.Session;

import org.opregister.incident.DataSetRule;
import org.opregister.incident.DateBasis;
import org.opregister.incident.Incident;
import org.opregister.incident.LossType;
import org.opregister.incident.RecoveryStatus;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventType;
import org.opregister.web.CsvExport;

/**
 * One pass over the period's rows, summed in memory by loss event and by trend bucket; every table of the losses page
 * is read from it.
 * <p>
 * On the accounting basis the rows are the ledger lines booked in the period, each carrying the event it counts in
 * ({@code incident.LineEvent}): they come from one index by accounting date, in date order, without visiting the
 * incidents. Gross = lines that add to gross − provision releases (the ledger's rule, {@code LedgerTotals}, read from
 * {@link LossType#grossSign}); recoveries = recoveries received; net = gross − recoveries; a recovery received in a
 * later period counts in its own period. On the occurrence or discovery basis the rows are the incidents whose date
 * falls in the period, with their whole-ledger totals. Near misses never count (they carry no lines), nor, on the
 * incident-date bases, incidents without a loss.
 * <p>
 * A grouped incident counts with its root event (CRR Art. 311a(4)): one event, classified by its root. Within the
 * period an event falls in one matrix cell, and counts once in each trend bucket it has rows in (rows come in date
 * order, so a bucket is counted when the event first appears in it).
 */
final class LossScan {

    /** One loss event's figures in the period. */
    static final class Event {

        final long id;
        final EventType type;
        final BusinessLine line;
        /** Whether the event is in the regulatory data set, by the rule the scan was given. */
        final boolean inDataSet;
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal recoveries = BigDecimal.ZERO;
        private int lastBucket = -1;

        Event(long id, EventType type, BusinessLine line, boolean inDataSet) {
            this.id = id;
            this.type = type;
            this.line = line;
            this.inDataSet = inDataSet;
        }

        LossFigures figures() {
            return LossFigures.of(1, gross, recoveries);
        }

        BigDecimal net() {
            return gross.subtract(recoveries);
        }
    }

    private final LossPeriod period;
    private final List<LossPeriod.Bucket> buckets;
    private final Map<Integer, Integer> bucketByKey = new HashMap<>();
    private final long[] bucketEvents;
    private final BigDecimal[] bucketGross;
    private final BigDecimal[] bucketRecoveries;
    private final Map<Long, Event> events = new HashMap<>();

    private LossScan(LossPeriod period) {
        this.period = period;
        this.buckets = period.buckets();
        for (int i = 0; i < buckets.size(); i++) {
            bucketByKey.put(key(buckets.get(i).year(), buckets.get(i).index()), i);
        }
        bucketEvents = new long[buckets.size()];
        bucketGross = new BigDecimal[buckets.size()];
        bucketRecoveries = new BigDecimal[buckets.size()];
        Arrays.fill(bucketGross, BigDecimal.ZERO);
        Arrays.fill(bucketRecoveries, BigDecimal.ZERO);
    }

    /**
     * Reads the period's rows once; {@code rule} decides, on the accounting basis, which events are in the data set.
     */
    static LossScan of(LossPeriod period, DataSetRule rule) {
        LossScan scan = new LossScan(period);
        if (period.basis() == DateBasis.ACCOUNTING) {
            scan.read(LINES, row -> scan.addLine(row, rule));
        } else {
            Map<Long, BigDecimal[]> grouped = groupedTotals();
            scan.read(period.basis() == DateBasis.OCCURRENCE ? INCIDENTS_BY_OCCURRENCE : INCIDENTS_BY_DISCOVERY,
                    row -> scan.addIncident(row, rule, grouped));
        }
        return scan;
    }

    private interface RowReader {

        void read(ResultSet row) throws SQLException;
    }

    /**
     * The period's rows, read with plain JDBC: tens of thousands of rows of an index, where an entity query's
     * per-row conversions would cost more than the database's read. In a transaction (the request's, or one for the
     * read): outside one the connection auto-commits, and PostgreSQL's driver then ignores the fetch size and holds
     * the whole result in memory (a year of 500,000 lines ran a 192 MB heap out of memory at 1,000,000 incidents).
     */
    private void read(String sql, RowReader reader) {
        QuarkusTransaction.joiningExisting().timeout(CsvExport.READ_TIMEOUT_SECONDS)
                .run(() -> readInTransaction(sql, reader));
    }

    private void readInTransaction(String sql, RowReader reader) {
        Incident.getEntityManager().unwrap(Session.class).doWork(connection -> {
            boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
            if (h2) {
                // H2 would first copy the whole result, and beyond 40,000 rows (MAX_MEMORY_ROWS) onto disk; lazily
                // it hands the rows over as it reads the index (three times faster for a year of 50,000 lines).
                lazy(connection, true);
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(1000);
                statement.setObject(1, period.from());
                statement.setObject(2, period.to());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            } finally {
                if (h2) {
                    lazy(connection, false);
                }
            }
        });
    }

    private static void lazy(Connection connection, boolean on) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set lazy_query_execution " + on);
        }
    }

    /** Every column is in the index {@code loss_entry_period_idx} (V22): the rows themselves are not visited. */
    private static final String LINES = "select event_id, event_type, event_business_line, event_excluded,"
            + " event_gross, event_net, accounting_date, entry_type, recovery_status, reporting_amount"
            + " from loss_entry where accounting_date >= ? and accounting_date <= ? order by accounting_date";

    /**
     * The incidents dated in the period that carry a loss, classified by their root event; every column of the
     * incident is in {@code incident_occurrence_cover_idx} / {@code incident_discovery_cover_idx} (V27).
     */
    private static String incidents(String date) {
        return "select coalesce(i.root_event_id, i.id), coalesce(r.event_type, i.event_type),"
                + " coalesce(r.business_line, i.business_line), i." + date + ", i.gross_loss, i.recoveries,"
                + " case when r.id is null then i.near_miss or i.gain_event or i.credit_boundary"
                + " else r.near_miss or r.gain_event or r.credit_boundary end,"
                + " coalesce(r.gross_loss, i.gross_loss), coalesce(r.net_loss, i.net_loss)"
                + incidentsDated(date, "?", "?") + " order by i." + date;
    }

    /** The incidents dated in the period that carry a loss, each with its root event as {@code r} (null if none). */
    private static String incidentsDated(String date, String from, String to) {
        return " from incident i left join incident r on r.id = i.root_event_id"
                + " where i." + date + " >= " + from + " and i." + date + " <= " + to + " and i.near_miss = false"
                + " and i.gross_loss <> 0";
    }

    /**
     * Per event type of the period: events, gross and recoveries received, by the scan's rules, summed by the
     * database (parameters {@code :from}, {@code :to}); the accounting basis reads {@code loss_entry_period_idx} only.
     */
    static String byEventType(DateBasis basis) {
        if (basis == DateBasis.ACCOUNTING) {
            return "select event_type, count(distinct event_id), coalesce(sum(" + grossOfLine() + "), 0),"
                    + " coalesce(sum(" + recoveryOfLine() + "), 0) from loss_entry"
                    + " where accounting_date >= :from and accounting_date <= :to group by event_type";
        }
        String date = basis == DateBasis.OCCURRENCE ? "occurrence_date" : "discovery_date";
        return "select coalesce(r.event_type, i.event_type), count(distinct coalesce(i.root_event_id, i.id)),"
                + " coalesce(sum(i.gross_loss), 0), coalesce(sum(i.recoveries), 0)"
                + incidentsDated(date, ":from", ":to") + " group by coalesce(r.event_type, i.event_type)";
    }

    /** A line's part of gross loss, as {@link #addLine} counts it: by {@link LossType#grossSign}, recoveries none. */
    private static String grossOfLine() {
        StringBuilder sql = new StringBuilder("case entry_type");
        for (LossType type : LossType.values()) {
            if (!type.isRecovery() && type.grossSign != 0) {
                sql.append(" when '").append(type.name()).append("' then ")
                        .append(type.grossSign > 0 ? "" : "-").append("reporting_amount");
            }
        }
        return sql.append(" else 0 end").toString();
    }

    /** A line's part of recoveries, as {@link #addLine} counts it: a recovery received. */
    private static String recoveryOfLine() {
        String recoveries = Arrays.stream(LossType.values()).filter(LossType::isRecovery)
                .map(type -> "'" + type.name() + "'").collect(Collectors.joining(", "));
        return "case when entry_type in (" + recoveries + ") and recovery_status = '" + RecoveryStatus.RECEIVED.name()
                + "' then reporting_amount else 0 end";
    }

    private static final String INCIDENTS_BY_OCCURRENCE = incidents("occurrence_date");
    private static final String INCIDENTS_BY_DISCOVERY = incidents("discovery_date");

    private void addLine(ResultSet row, DataSetRule rule) throws SQLException {
        long id = row.getLong(1);
        Event event = events.get(id);
        if (event == null) {
            BigDecimal measured = row.getBigDecimal(rule.netBasis() ? 6 : 5);
            boolean in = !row.getBoolean(4) && measured.compareTo(rule.threshold()) >= 0;
            event = new Event(id, EventType.valueOf(row.getString(2)), BusinessLine.valueOf(row.getString(3)), in);
            events.put(id, event);
        }
        LossType type = LossType.valueOf(row.getString(8));
        BigDecimal amount = row.getBigDecimal(10);
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal recoveries = BigDecimal.ZERO;
        if (type.isRecovery()) {
            if (RecoveryStatus.RECEIVED.name().equals(row.getString(9))) {
                recoveries = amount;
            }
        } else if (type.grossSign != 0) {
            gross = type.grossSign > 0 ? amount : amount.negate();
        }
        add(event, row.getObject(7, LocalDate.class), gross, recoveries);
    }

    private void addIncident(ResultSet row, DataSetRule rule, Map<Long, BigDecimal[]> groupedTotals)
            throws SQLException {
        long id = row.getLong(1);
        Event event = events.get(id);
        if (event == null) {
            // The event's size: its root's own totals and those of the incidents grouped under it.
            BigDecimal[] grouped = groupedTotals.get(id);
            BigDecimal measured = row.getBigDecimal(rule.netBasis() ? 9 : 8);
            if (grouped != null) {
                measured = measured.add(grouped[rule.netBasis() ? 1 : 0]);
            }
            boolean in = !row.getBoolean(7) && measured.compareTo(rule.threshold()) >= 0;
            event = new Event(id, EventType.valueOf(row.getString(2)), BusinessLine.valueOf(row.getString(3)), in);
            events.put(id, event);
        }
        add(event, row.getObject(4, LocalDate.class), row.getBigDecimal(5), row.getBigDecimal(6));
    }

    /** Gross and net loss of the incidents grouped under each root (few: most events are one incident). */
    private static Map<Long, BigDecimal[]> groupedTotals() {
        Map<Long, BigDecimal[]> totals = new HashMap<>();
        Incident.getEntityManager()
                .createQuery("select i.rootEvent.id, sum(i.grossLoss), sum(i.netLoss) from Incident i"
                        + " where i.rootEvent is not null group by i.rootEvent.id", Object[].class)
                .getResultList()
                .forEach(row -> totals.put((Long) row[0], new BigDecimal[]{(BigDecimal) row[1], (BigDecimal) row[2]}));
        return totals;
    }

    private void add(Event event, LocalDate date, BigDecimal gross, BigDecimal recoveries) {
        event.gross = event.gross.add(gross);
        event.recoveries = event.recoveries.add(recoveries);
        Integer bucket = bucketByKey.get(key(date.getYear(), period.grain().index(date)));
        if (bucket == null) {
            return;
        }
        if (event.lastBucket != bucket) {
            event.lastBucket = bucket;
            bucketEvents[bucket]++;
        }
        bucketGross[bucket] = bucketGross[bucket].add(gross);
        bucketRecoveries[bucket] = bucketRecoveries[bucket].add(recoveries);
    }

    private static int key(int year, int index) {
        return year * 100 + index;
    }

    Collection<Event> events() {
        return events.values();
    }

    /** Every bucket of the period with its figures, empty ones at zero. */
    List<LossAnalytics.TrendRow> trend() {
        List<LossAnalytics.TrendRow> trend = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            trend.add(new LossAnalytics.TrendRow(buckets.get(i),
                    bucketEvents[i] == 0 && bucketGross[i].signum() == 0 && bucketRecoveries[i].signum() == 0
                            ? LossFigures.NONE
                            : LossFigures.of(bucketEvents[i], bucketGross[i], bucketRecoveries[i])));
        }
        return trend;
    }
}
