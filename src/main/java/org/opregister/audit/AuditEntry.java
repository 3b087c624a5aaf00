package org.opregister.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TypedQuery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.Immutable;

import org.opregister.core.NotAudited;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.Where;

/** One entry of the audit trail, as read back. Written only by {@link AuditWriter}; never changed. */
@Entity
@Immutable
@NotAudited
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false, length = 64)
    public String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public AuditAction action;

    @Column(name = "record_type", length = 60)
    public String recordType;

    @Column(name = "record_id", length = 60)
    public String recordId;

    @Column(name = "record_label", length = 200)
    public String recordLabel;

    @Column(name = "parent_type", length = 60)
    public String parentType;

    @Column(name = "parent_id", length = 60)
    public String parentId;

    @Column(length = 200000)
    public String changes;

    @Column(length = 4000)
    public String details;

    @Column(name = "prev_hash", nullable = false, length = 64)
    public String prevHash;

    @Column(nullable = false, length = 64)
    public String hash;

    /** Written when an example was seeded, telling its story: the time is the story's, not when it was written. */
    @Column(nullable = false)
    public boolean seeded;

    /**
     * The fields the entry records as changed. Entries written before 2 December 2026 may also name the tracker
     * Hibernate's bytecode enhancement adds to an embedded review ({@link AuditedFields#enhancerField}), whose value
     * is an object's identity, not the record's data: it is left out here (the entry as stored, and hashed, keeps it).
     */
    public List<FieldChange> changeList() {
        if (changes == null || changes.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(changes, new TypeReference<List<FieldChange>>() {
            }).stream().filter(change -> change.field() == null
                    || !change.field().startsWith(AuditedFields.ENHANCER_PREFIX)).toList();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of(new FieldChange("?", null, null, changes));
        }
    }

    /**
     * What happened to a record and to its parts (loss lines of an incident), newest first by when it happened;
     * entries written at once (one id after the other) stay in the order they were written.
     */
    /**
     * The entries of one record itself (not its children's) that changed the given field, oldest first: read
     * through the record-id index, only the entries that matter loaded (an incident's status changes, say).
     */
    public static List<AuditEntry> changesOf(String recordType, Object recordId, String field) {
        return list("recordId = ?1 and recordType = ?2 and changes like ?3 order by occurredAt, id",
                String.valueOf(recordId), recordType, "%\"field\":\"" + field + "\"%");
    }

    public static List<AuditEntry> history(String recordType, Object recordId) {
        // Two indexed look-ups rather than one OR, which would read the whole trail.
        List<AuditEntry> entries = new ArrayList<>(
                list("recordType = ?1 and recordId = ?2", recordType, String.valueOf(recordId)));
        entries.addAll(list("parentType = ?1 and parentId = ?2", recordType, String.valueOf(recordId)));
        entries.sort(
                java.util.Comparator.comparing((AuditEntry e) -> e.occurredAt).thenComparing(e -> e.id).reversed());
        return entries;
    }

    /**
     * The id of the chain's last entry about a record, as the current transaction sees it: it moves with every commit
     * that changes a record, and only then. Every change of an entity is recorded in its own transaction by
     * {@link AuditInterceptor}; the application's writes in plain SQL to what the entities read record theirs against
     * the record ({@link AuditWriter#recordEvent}: the ledger conversion) or ride in a transaction that records an
     * entity's change (a line's event, {@code incident.LossEvents}). Entries about no record (a sign-in, a download)
     * leave it. So, within what the application writes, an unchanged id means unchanged records; a write made around
     * the application (by hand in SQL, a restored backup) is not seen. Read first in a snapshot, it is never newer
     * than the records read after it.
     */
    public static long lastChangeId() {
        return ((Number) getEntityManager()
                .createNativeQuery("select last_change_id from audit_head where id = 1").getSingleResult())
                .longValue();
    }

    /**
     * Whether a change committed after the last change {@code after}, up to {@code upTo}, touched a record of one of
     * {@code recordTypes}: every change of a record adds an entry about it, with the record's type, and the last
     * change's id counts only those entries. Read on the primary key's range; the first such entry answers.
     */
    public static boolean recordsChanged(long after, long upTo, Collection<String> recordTypes) {
        return !getEntityManager()
                .createQuery("select e.id from AuditEntry e where e.id > :after and e.id <= :upTo"
                        + " and e.recordType in :types", Long.class)
                .setParameter("after", after).setParameter("upTo", upTo).setParameter("types", recordTypes)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * The entries about records of those types after one last change up to a later one, oldest first, at most
     * {@code limit} of them: read on the primary key's range.
     */
    public static List<AuditEntry> recordChanges(long after, long upTo, Collection<String> recordTypes, int limit) {
        return getEntityManager()
                .createQuery("from AuditEntry e where e.id > :after and e.id <= :upTo and e.recordType in :types"
                        + " order by e.id", AuditEntry.class)
                .setParameter("after", after).setParameter("upTo", upTo).setParameter("types", recordTypes)
                .setMaxResults(limit).getResultList();
    }

    /** Counting stops here: past it the page says "more than", so a broad filter over millions stays quick. */
    public static final int COUNT_LIMIT = 10_000;

    public static PageResult<AuditEntry> search(AuditFilter filter, PageRequest page) {
        Query query = Query.of(filter);
        long total = query.typed("select count(*) from (select a.id as id from AuditEntry a" + query.matching()
                + " limit " + (COUNT_LIMIT + 1) + ") matching", Long.class).getSingleResult();
        PageRequest shown = total > COUNT_LIMIT ? page : page.within(total);
        List<AuditEntry> items = find("from AuditEntry a" + query.matching(), query.parameters)
                .page(shown.panache()).list();
        return PageResult.counted(items, shown, total, COUNT_LIMIT);
    }

    /** The export's rows of a filter, in the page's order. */
    static Stream<AuditExportRow> exportRows(AuditFilter filter) {
        Query query = Query.of(filter);
        return query.typed(AuditExportRow.SELECT + query.matching(), AuditExportRow.class).getResultStream();
    }

    /** The audited record types, for the filter: every entity not marked {@link NotAudited}. */
    public static List<String> recordTypes() {
        return getEntityManager().getMetamodel().getEntities().stream()
                .map(jakarta.persistence.metamodel.EntityType::getJavaType)
                .filter(type -> !type.isAnnotationPresent(NotAudited.class))
                .map(Class::getSimpleName)
                .sorted()
                .toList();
    }

    /**
     * The where-clause of a filter and an order along the index that serves it. Newest first in every case: the
     * leading columns of that index are fixed by the filter, so ordering by them as well changes nothing in the
     * result, but lets the database read the page straight off the index instead of sorting every match.
     */
    private record Query(String where, Map<String, Object> parameters, String orderBy) {

        /** The filter and its order, after a query's {@code from AuditEntry a}. */
        String matching() {
            return " where " + where + " order by " + orderBy;
        }

        /**
         * A query of this filter, its parameters bound. Qualified {@code AuditEntry.getEntityManager()}: Panache fills
         * in that method on the entity, so an unqualified call from this nested record fails at run time.
         */
        <T> TypedQuery<T> typed(String hql, Class<T> type) {
            TypedQuery<T> query = AuditEntry.getEntityManager().createQuery(hql, type);
            parameters.forEach(query::setParameter);
            return query;
        }

        static Query of(AuditFilter filter) {
            // A number is a record id, anything else a label such as a reference.
            boolean byId = filter.record() != null && filter.record().matches("\\d+");
            Where where = new Where()
                    .and(byId ? "a.recordId = :record" : "a.recordLabel = :record", "record", filter.record())
                    .and("a.username = :username", "username", filter.username())
                    // Action and record type narrow little: they filter rows read along one of the orders below,
                    // or along the primary key.
                    .and("a.action = :action", "action", filter.action())
                    .and("a.recordType = :type", "type", filter.recordType())
                    .and("a.occurredAt >= :from", "from", filter.from() == null ? null : filter.fromInstant())
                    .and("a.occurredAt < :to", "to", filter.to() == null ? null : filter.toInstantExclusive());
            String orderBy = filter.record() != null
                    ? (byId ? "a.recordId desc" : "a.recordLabel desc")
                    : filter.username() != null
                            ? "a.username desc"
                            : filter.from() != null || filter.to() != null ? "a.occurredAt desc" : null;
            return new Query(where.clause(), where.parameters(), (orderBy == null ? "" : orderBy + ", ") + "a.id desc");
        }
    }
}
