package org.opregister.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Walks the whole trail in order and recomputes every hash: an edited entry, a removed one, one slipped in,
 * or a cut-off tail all break the chain, and the first entry where it breaks is reported.
 */
@ApplicationScoped
public class ChainVerifier {

    @Inject
    DataSource dataSource;

    public record Result(boolean intact, long entries, Long firstBrokenId, String reasonKey) {
    }

    public Result verify() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                return walk(connection);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail could not be read", e);
        }
    }

    private static Result walk(Connection connection) throws SQLException {
        long expectedId = 1;
        String previousHash = AuditHash.GENESIS;
        try (PreparedStatement query = connection
                .prepareStatement("select id, occurred_at, username, action, record_type,"
                        + " record_id, record_label, parent_type, parent_id, changes, details, prev_hash, hash, seeded from audit_entry order by id")) {
            query.setFetchSize(1000);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    long id = row.getLong(1);
                    if (id != expectedId) {
                        return new Result(false, expectedId - 1, id, "audit.verify.gap");
                    }
                    if (!previousHash.equals(row.getString(12))) {
                        return new Result(false, expectedId - 1, id, "audit.verify.link");
                    }
                    String hash = AuditHash.of(id, row.getObject(2, OffsetDateTime.class).toInstant(), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                            row.getString(9), row.getString(10), row.getString(11), previousHash, row.getBoolean(14));
                    if (!hash.equals(row.getString(13))) {
                        return new Result(false, expectedId - 1, id, "audit.verify.content");
                    }
                    previousHash = hash;
                    expectedId++;
                }
            }
        }
        long entries = expectedId - 1;
        try (PreparedStatement head = connection
                .prepareStatement("select last_id, last_hash from audit_head where id = 1");
                ResultSet row = head.executeQuery()) {
            row.next();
            if (row.getLong(1) != entries || !row.getString(2).equals(previousHash)) {
                return new Result(false, entries, entries + 1, "audit.verify.tail");
            }
        }
        return new Result(true, entries, null, null);
    }
}
