package org.opregister.audit;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
     * Writes the entries the transaction spooled (null for none), in their order, then the drafts: in the current
     * transaction, under the chain's lock.
     */
    void append(AuditSpool spooled, List<AuditDraft> drafts) {
        try (Connection connection = dataSource.getConnection(); Chain chain = new Chain(connection)) {
            if (spooled != null) {
                spooled.forEach(chain::add);
            }
            for (AuditDraft draft : drafts) {
                chain.add(StoredEntry.of(draft));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail could not be written", e);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("audit entries spooled could not be read", e);
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

    /**
     * The chain's head, locked ({@code select ... for update}) from opening to closing: each entry added gets the next
     * id and its hash over its content and the previous hash; closing writes what is still batched and the new head,
     * with the id of the last entry about a record ({@link AuditEntry#lastChangeId}).
     */
    private static final class Chain implements AutoCloseable {

        private static final int BATCH = 1000;

        private final Connection connection;
        private final PreparedStatement insert;
        private long lastId;
        private String lastHash;
        private long lastChangeId;
        private int batched;

        Chain(Connection connection) throws SQLException {
            this.connection = connection;
            try (PreparedStatement head = connection.prepareStatement(
                    "select last_id, last_hash, last_change_id from audit_head where id = 1 for update");
                    ResultSet row = head.executeQuery()) {
                row.next();
                lastId = row.getLong(1);
                lastHash = row.getString(2);
                lastChangeId = row.getLong(3);
            }
            insert = connection.prepareStatement("insert into audit_entry (id, occurred_at, username, action,"
                    + " record_type, record_id, record_label, parent_type, parent_id, changes, details, prev_hash,"
                    + " hash, seeded) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        void add(StoredEntry entry) throws SQLException {
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
            if (entry.recordType() != null) {
                lastChangeId = id;
            }
            if (++batched == BATCH) {
                insert.executeBatch();
                batched = 0;
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
                    .prepareStatement(
                            "update audit_head set last_id = ?, last_hash = ?, last_change_id = ? where id = 1")) {
                head.setLong(1, lastId);
                head.setString(2, lastHash);
                head.setLong(3, lastChangeId);
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
