package org.opregister.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;

import org.opregister.core.AppClock;
import org.opregister.core.StampListener;
import org.opregister.web.CsvExport;

/**
 * Appends entries to the audit trail. Under a lock on the chain's head row each entry gets the next id and a
 * hash over its content and the previous entry's hash, in the transaction of the change it records: the entry
 * and the change commit together or not at all. Nothing in the application updates or deletes an entry.
 */
@ApplicationScoped
public class AuditWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    /** Writes in the current transaction (the connection is the one the transaction already uses). */
    void append(List<AuditDraft> drafts) {
        append(null, drafts);
    }

    /**
     * Writes the entries this transaction staged under {@code stagedAs} (see {@link #stage}), in the order staged,
     * then the drafts, and removes what was staged: all in the current transaction, under the chain's lock.
     */
    void append(String stagedAs, List<AuditDraft> drafts) {
        try (Connection connection = dataSource.getConnection(); Chain chain = new Chain(connection)) {
            if (stagedAs != null) {
                chain.addStaged(stagedAs);
            }
            for (AuditDraft draft : drafts) {
                chain.add(Stored.of(draft));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail could not be written", e);
        }
    }

    /**
     * Keeps drafts of the current transaction in {@code audit_pending} instead of in memory, numbered from
     * {@code firstSeq}, without taking the chain's lock: a transaction that writes very many records (an import)
     * stays small in memory and does not hold up other writers until it commits. Rolled back with the transaction;
     * moved into the chain by {@link #append(String, List)}.
     */
    void stage(String stagedAs, long firstSeq, List<AuditDraft> drafts) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into audit_pending (tx_key, seq,"
                        + " occurred_at, username, action, record_type, record_id, record_label, parent_type,"
                        + " parent_id, changes, details, seeded) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long seq = firstSeq;
            for (AuditDraft draft : drafts) {
                Stored row = Stored.of(draft);
                insert.setString(1, stagedAs);
                insert.setLong(2, seq++);
                insert.setObject(3, OffsetDateTime.ofInstant(row.at(), ZoneOffset.UTC));
                insert.setString(4, row.username());
                insert.setString(5, row.action());
                insert.setString(6, row.recordType());
                insert.setString(7, row.recordId());
                insert.setString(8, row.recordLabel());
                insert.setString(9, row.parentType());
                insert.setString(10, row.parentId());
                insert.setString(11, row.changes());
                insert.setString(12, row.details());
                insert.setBoolean(13, row.seeded());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail could not be written", e);
        }
    }

    /** An event that is not a change to a record (sign-in, export ...), in a transaction of its own. */
    public void event(AuditAction action, String username, String details) {
        String who = username == null ? StampListener.currentUser() : username;
        AuditDraft draft = AuditDraft.event(AppClock.now(), truncate(who, 64), action, truncate(details, 4000));
        QuarkusTransaction.requiringNew().run(() -> append(List.of(draft)));
    }

    /** A CSV download finished: one line in the trail with its filters and row count. */
    void exported(@Observes CsvExport.Exported export) {
        event(AuditAction.EXPORT, export.username(), "export=" + export.export() + "; filters="
                + (export.filters().isEmpty() ? "(none)" : export.filters()) + "; rows=" + export.rows());
    }

    /** An event about one record (a role change, a password reset), in the current transaction. */
    public void recordEvent(AuditAction action, String recordType, String recordId, String label, String details) {
        append(List.of(new AuditDraft(AppClock.now(), StampListener.currentUser(), action, recordType, recordId, label,
                null, null, List.of(), truncate(details, 4000), false)));
    }

    /** An entry as stored, before it has its id and hashes: the draft cleaned, its changes as JSON. */
    private record Stored(Instant at, String username, String action, String recordType, String recordId,
            String recordLabel, String parentType, String parentId, String changes, String details,
            boolean seeded) {

        static Stored of(AuditDraft raw) {
            AuditDraft draft = raw.cleaned();
            return new Stored(draft.occurredAt().truncatedTo(ChronoUnit.MICROS), draft.username(),
                    draft.action().name(), draft.recordType(), draft.recordId(), truncate(draft.recordLabel(), 200),
                    draft.parentType(), draft.parentId(), draft.changes().isEmpty() ? null : json(draft.changes()),
                    draft.details(), draft.seeded());
        }
    }

    /**
     * The chain's head, locked ({@code select ... for update}) from opening to closing: each entry added gets the next
     * id and its hash over its content and the previous hash; closing writes what is still batched and the new head.
     */
    private static final class Chain implements AutoCloseable {

        private static final int BATCH = 1000;

        private final Connection connection;
        private final PreparedStatement insert;
        private long lastId;
        private String lastHash;
        private int batched;

        Chain(Connection connection) throws SQLException {
            this.connection = connection;
            try (PreparedStatement head = connection.prepareStatement(
                    "select last_id, last_hash from audit_head where id = 1 for update");
                    ResultSet row = head.executeQuery()) {
                row.next();
                lastId = row.getLong(1);
                lastHash = row.getString(2);
            }
            insert = connection.prepareStatement("insert into audit_entry (id, occurred_at, username, action,"
                    + " record_type, record_id, record_label, parent_type, parent_id, changes, details, prev_hash,"
                    + " hash, seeded) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        void add(Stored entry) throws SQLException {
            long id = ++lastId;
            String hash = AuditHash.of(id, entry.at(), entry.username(), entry.action(), entry.recordType(),
                    entry.recordId(), entry.recordLabel(), entry.parentType(), entry.parentId(), entry.changes(),
                    entry.details(), lastHash, entry.seeded());
            insert.setLong(1, id);
            insert.setObject(2, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
            insert.setString(3, entry.username());
            insert.setString(4, entry.action());
            insert.setString(5, entry.recordType());
            insert.setString(6, entry.recordId());
            insert.setString(7, entry.recordLabel());
            insert.setString(8, entry.parentType());
            insert.setString(9, entry.parentId());
            insert.setString(10, entry.changes());
            insert.setString(11, entry.details());
            insert.setString(12, lastHash);
            insert.setString(13, hash);
            insert.setBoolean(14, entry.seeded());
            insert.addBatch();
            lastHash = hash;
            if (++batched == BATCH) {
                insert.executeBatch();
                batched = 0;
            }
        }

        /** The entries staged under that key, in their order, streamed; then removed from the staging table. */
        void addStaged(String stagedAs) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement("select occurred_at, username, action,"
                    + " record_type, record_id, record_label, parent_type, parent_id, changes, details, seeded"
                    + " from audit_pending where tx_key = ? order by seq")) {
                select.setFetchSize(BATCH);
                select.setString(1, stagedAs);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        add(new Stored(row.getObject(1, OffsetDateTime.class).toInstant(), row.getString(2),
                                row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                                row.getString(7), row.getString(8), row.getString(9), row.getString(10),
                                row.getBoolean(11)));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("delete from audit_pending where tx_key = ?")) {
                delete.setString(1, stagedAs);
                delete.executeUpdate();
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                if (batched > 0) {
                    insert.executeBatch();
                }
            } finally {
                insert.close();
            }
            try (PreparedStatement head = connection
                    .prepareStatement("update audit_head set last_id = ?, last_hash = ? where id = 1")) {
                head.setLong(1, lastId);
                head.setString(2, lastHash);
                head.executeUpdate();
            }
        }
    }

    static String json(List<FieldChange> changes) {
        try {
            return JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

}
