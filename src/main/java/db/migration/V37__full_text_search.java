package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.opregister.incident.Incident;
import org.opregister.incident.SearchIndex;
import org.opregister.incident.SearchWords;

/**
 * Full-text search of the register (issue #19): {@code incident.search_text} holds the normalised words of the
 * reference, title, unit, owner, third party, description and root cause ({@link SearchWords}), filled here for every
 * existing incident in batches by the same Java code the application uses (so the words are the same as those of
 * incidents written later); the narrow {@code incident_search_idx} of the old {@code like} scan goes. Then, per
 * database: PostgreSQL gets a GIN index on the words as a tsvector and the SQL function the register's query calls
 * (inlined by the planner, so the index serves it); H2 gets the words one a row in {@code incident_search_word},
 * created on both databases so the schema is the same (it stays empty on PostgreSQL). A Java migration because the
 * normalisation is Java's and the index is not portable SQL.
 */
public class V37__full_text_search extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                .contains("postgres");
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("drop index incident_search_idx");
            ddl.execute("alter table incident alter column search_text " + (postgres ? "type" : "set data type")
                    + " varchar(" + SearchWords.DOCUMENT_MAX + ")");
            ddl.execute("create table incident_search_word (word varchar(" + SearchWords.WORD_MAX + ") not null,"
                    + " incident_id bigint not null, constraint incident_search_word_pk primary key (word, incident_id))");
            ddl.execute("create index incident_search_word_incident_idx on incident_search_word (incident_id, word)");
        }
        refill(connection, !postgres);
        if (postgres) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create function incident_search_matches(words varchar, query varchar) returns boolean"
                        + " language sql immutable parallel safe"
                        + " as $$ select array_to_tsvector(string_to_array(words, ' ')) @@ query::tsquery $$");
                ddl.execute("create index incident_search_gin on incident"
                        + " using gin (array_to_tsvector(string_to_array(search_text, ' ')))");
                ddl.execute("analyze incident");
            }
        }
    }

    /** Every incident's search text, in batches along the primary key; on H2 its words too. */
    static void refill(Connection connection, boolean wordTable) throws Exception {
        long after = Long.MIN_VALUE;
        try (PreparedStatement read = connection.prepareStatement("select id, reference, title, org_unit, owner,"
                + " third_party, description, root_cause from incident where id > ? order by id fetch first "
                + BATCH + " rows only");
                PreparedStatement update = connection.prepareStatement(
                        "update incident set search_text = ? where id = ?")) {
            while (true) {
                read.setLong(1, after);
                int rows = 0;
                try (ResultSet row = read.executeQuery()) {
                    while (row.next()) {
                        rows++;
                        after = row.getLong(1);
                        String words = Incident.searchDocument(row.getString(2), row.getString(3), row.getString(4),
                                row.getString(5), row.getString(6), row.getString(7), row.getString(8));
                        update.setString(1, words);
                        update.setLong(2, after);
                        update.addBatch();
                        if (wordTable) {
                            SearchIndex.write(connection, after, words, false);
                        }
                    }
                }
                if (rows == 0) {
                    return;
                }
                update.executeBatch();
            }
        }
    }
}
