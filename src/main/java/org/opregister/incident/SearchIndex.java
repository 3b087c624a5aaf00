package org.opregister.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import org.opregister.web.Where;

/**
 * The register's full-text index, one per database, both fed with the words of {@link SearchWords} and queried for
 * incidents having, for every typed word, a word that starts with it. PostgreSQL: a GIN index
 * ({@code incident_search_gin}) on {@code array_to_tsvector(string_to_array(search_text, ' '))}, asked with a
 * prefix tsquery through the SQL function {@code incident_search_matches} (migration V37), which the planner inlines
 * so the index serves it. H2: the word table {@code incident_search_word} ({@link IncidentSearchWord}), written here
 * in the incident's transaction, read with {@code word like 'w%'} along its primary key.
 */
public final class SearchIndex {

    /**
     * On H2, a word that starts the words of at most this many incidents, and of at most an eighth of them, picks the
     * candidates by id: looking a row up by id costs H2 several times reading the next row of a scan, and this stays
     * well below the rows H2 keeps in memory for an {@code in (select ...)} at a 192 MB heap (beyond, it spools them to
     * disk).
     */
    static final int FEW = 2000;

    /** Set by tests to take one way whatever the counts: 0 every word per incident, a large number by id. */
    static volatile int fewForTests = -1;

    private SearchIndex() {
    }

    /** Adds the search for {@code typed} to the filter; nothing when it holds no letter or digit (no filter). */
    static Where where(Where where, String typed) {
        List<String> words = typed == null ? List.of() : SearchWords.query(typed);
        if (words.isEmpty()) {
            return where;
        }
        if (postgres()) {
            return where.and("function('incident_search_matches', i.searchText, :searchQuery) = true", "searchQuery",
                    SearchWords.tsquery(words));
        }
        // H2: the rarest word, when it starts the words of few incidents, gives the candidates (looked up by id);
        // every other word is checked per candidate. When every word is common, each is checked per incident, in
        // the order the page is sorted by, so a page stops after its rows (the totals still visit every incident).
        int few = fewForTests >= 0 ? fewForTests : (int) Math.min(FEW, Incident.count() / 8);
        int rarest = -1;
        int fewest = Integer.MAX_VALUE;
        for (int n = 0; n < words.size(); n++) {
            int found = Incident.getEntityManager()
                    .createQuery("select w.key.incidentId from IncidentSearchWord w where w.key.word like :word",
                            Long.class)
                    .setParameter("word", words.get(n) + "%").setMaxResults(few + 1).getResultList().size();
            if (found < fewest) {
                fewest = found;
                rarest = n;
            }
        }
        StringBuilder clause = new StringBuilder();
        Map<String, Object> parameters = new HashMap<>();
        for (int n = 0; n < words.size(); n++) {
            if (n > 0) {
                clause.append(" and ");
            }
            if (n == rarest && fewest <= few) {
                clause.append("i.id in (select w.key.incidentId from IncidentSearchWord w where w.key.word like ");
            } else {
                clause.append("exists (select 1 from IncidentSearchWord w where w.key.incidentId = i.id")
                        .append(" and w.key.word like ");
            }
            clause.append(":searchWord").append(n).append(')');
            parameters.put("searchWord" + n, words.get(n) + "%");
        }
        return where.and(clause.toString(), parameters);
    }

    /** Whether this database is PostgreSQL (its GIN index) rather than H2 (the word table). */
    static boolean postgres() {
        return Incident.getEntityManager().getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect() instanceof PostgreSQLDialect;
    }

    /** After an incident's row is written: its words in the word table (H2 only), replacing what it held. */
    static void stored(long incidentId, String searchText, boolean replace) {
        if (postgres()) {
            return;
        }
        EntityManager em = Incident.getEntityManager();
        em.unwrap(Session.class).doWork(connection -> write(connection, incidentId, searchText, replace));
    }

    /** After an incident's row is deleted: its words (H2 only). */
    static void removed(long incidentId) {
        if (postgres()) {
            return;
        }
        Incident.getEntityManager().unwrap(Session.class).doWork(connection -> write(connection, incidentId, "", true));
    }

    /**
     * Writes one incident's words. The table has no foreign key: Hibernate may still hold the incident's insert in
     * a JDBC batch when this runs.
     */
    public static void write(Connection connection, long incidentId, String searchText, boolean replace)
            throws SQLException {
        if (replace) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from incident_search_word where incident_id = ?")) {
                delete.setLong(1, incidentId);
                delete.executeUpdate();
            }
        }
        if (searchText == null || searchText.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into incident_search_word (word, incident_id) values (?, ?)")) {
            for (String word : searchText.split(" ")) {
                insert.setString(1, word);
                insert.setLong(2, incidentId);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
