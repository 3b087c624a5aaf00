package org.opregister.kri;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.Session;

import org.opregister.core.AppClock;
import org.opregister.incident.RegisterChanged;
import org.opregister.incident.RegisterChanged.Measure;
import org.opregister.incident.RegisterChanged.Touched;

/**
 * The periods of computed KRIs a change to the register may have moved ({@code kri_recompute_mark}): inserted in the
 * writer's transaction (so a rollback leaves none and a commit always keeps them), read and deleted by the
 * recompute that handles them. Writers only insert, so they never wait for each other or for a recompute here.
 */
final class KriMarks {

    /** A marked period of a KRI; {@code period} null: every period. */
    record Mark(long id, long kriId, LocalDate period) {
    }

    private KriMarks() {
    }

    /** Marks what the change touched for every active KRI computed from the register; answers how many rows. */
    static int mark(RegisterChanged change) {
        List<Object[]> rows = new ArrayList<>();
        LocalDate today = AppClock.today();
        for (Kri.Scope kri : Kri.registerScopes()) {
            if (change.all()) {
                rows.add(new Object[]{kri.id(), null});
                continue;
            }
            for (LocalDate period : periods(kri, change.touched(), today)) {
                rows.add(new Object[]{kri.id(), period});
            }
        }
        if (!rows.isEmpty()) {
            insert(rows);
        }
        return rows.size();
    }

    /**
     * The periods of the KRI that the touched dates fall in, when the KRI counts that measure and classification,
     * from its first period to today's (later periods are computed when they come, as a full recompute does).
     */
    static Set<LocalDate> periods(Kri.Scope kri, List<Touched> touched, LocalDate today) {
        Measure measure = kri.source() == KriSource.INCIDENT_COUNT ? Measure.INCIDENTS : Measure.LEDGER;
        LocalDate last = kri.frequency().periodOf(today);
        Set<LocalDate> periods = new LinkedHashSet<>();
        for (Touched t : touched) {
            if (t.measure() != measure || t.date() == null
                    || (kri.eventCategory() != null && kri.eventCategory() != t.eventCategory())
                    || (kri.businessLine() != null && kri.businessLine() != t.businessLine())) {
                continue;
            }
            LocalDate period = kri.frequency().periodOf(t.date());
            if (!period.isBefore(kri.valuesFrom()) && !period.isAfter(last)) {
                periods.add(period);
            }
        }
        return periods;
    }

    private static void insert(List<Object[]> rows) {
        OffsetDateTime now = OffsetDateTime.ofInstant(AppClock.now(), ZoneOffset.UTC);
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into kri_recompute_mark (kri_id, period_start, marked_at) values (?, ?, ?)")) {
                for (Object[] row : rows) {
                    insert.setLong(1, (Long) row[0]);
                    if (row[1] == null) {
                        insert.setNull(2, Types.DATE);
                    } else {
                        insert.setObject(2, row[1]);
                    }
                    insert.setObject(3, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** The oldest marks, at most {@code limit}, as committed now. */
    static List<Mark> pending(int limit) {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("select id, kri_id, period_start from kri_recompute_mark order by id")
                .setMaxResults(limit).getResultList();
        List<Mark> marks = new ArrayList<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            marks.add(new Mark(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue(),
                    columns[2] == null ? null : toDate(columns[2])));
        }
        return marks;
    }

    /**
     * Deletes exactly these marks (never "up to the last id read": a writer may commit a lower id after the read,
     * and its mark must stay for the next recompute).
     */
    static void clear(List<Mark> marks) {
        for (int from = 0; from < marks.size(); from += 500) {
            List<Long> ids = marks.subList(from, Math.min(marks.size(), from + 500)).stream().map(Mark::id).toList();
            Panache.getEntityManager().createNativeQuery("delete from kri_recompute_mark where id in (:ids)")
                    .setParameter("ids", ids).executeUpdate();
        }
    }

    /** How many marks wait (tests, the README's measurements). */
    static long count() {
        return ((Number) Panache.getEntityManager().createNativeQuery("select count(*) from kri_recompute_mark")
                .getSingleResult()).longValue();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
