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
 * in the incident's transaction, read with {@code word like 'w%'} along its primary key for the candidates of the
 * rarest word; the other words are checked in the incident's search text, which holds the same words.
 */
public final class SearchIndex {

    /**
     * On H2, a word that starts the words of at most this many incidents, and of at most an eighth of them, picks the
     * candidates of a page by id: looking a row up by id costs H2 several times reading the next row of a scan, which
     * a page sorted along an index stops after its rows; and this stays below the rows H2 keeps in memory for an
     * {@code in (select ...)} at a 192 MB heap (beyond, it spools them to disk).
     */
    static final int FEW = 2000;

    /**
     * Set by tests to take one way whatever the counts: 0 a page checks every word in each incident's search text, a
     * large number takes a page's candidates by id.
     */
    static volatile int fewForTests = -1;

    private SearchIndex() {
    }

    /**
     * The search for {@code typed} two ways, the same on PostgreSQL: {@code inOrder} for reading matches in a sort's
     * order (a page stops after its rows, an export streams them), {@code counted} for visiting every match at once
     * (the totals). Both null when {@code typed} holds no letter or digit (no filter).
     */
    record Search(Condition inOrder, Condition counted) {

        static final Search NONE = new Search(null, null);
    }

    /** A where-clause with its parameters, or null for none. */
    record Condition(String clause, Map<String, Object> parameters) {

        static Where and(Where where, Condition condition) {
            return condition == null ? where : where.and(condition.clause(), condition.parameters());
        }
    }

    static Search search(String typed) {
        List<String> words = typed == null ? List.of() : SearchWords.query(typed);
        if (words.isEmpty()) {
            return Search.NONE;
        }
        if (postgres()) {
            Condition matches = new Condition("function('incident_search_matches', i.searchText, :searchQuery) = true",
                    Map.of("searchQuery", SearchWords.tsquery(words)));
            return new Search(matches, matches);
        }
        // H2: the rarest word, when it starts the words of few incidents, gives the candidates (looked up by id), and
        // every other word is checked in the candidate's own search text. When every word is common, a page reads the
        // incidents in its order and checks each word in their search text, stopping after its rows; the totals,
        // which visit every match, still take the candidates of the rarest word by id: reading a sixth of the
        // register by id costs H2 a third of checking every incident.
        long incidents = Incident.count();
        int few = fewForTests >= 0 ? fewForTests : (int) Math.min(FEW, incidents / 8);
        int[] found = found(words, few);
        int rarest = rarest(found);
        if (found[rarest] > few && words.size() > 1) {
            found = found(words, (int) Math.min(Integer.MAX_VALUE - 1, incidents / 2));
            rarest = rarest(found);
        }
        Condition byRarest = h2Condition(words, rarest);
        return new Search(found[rarest] <= few ? byRarest : h2Condition(words, -1), byRarest);
    }

    /** For each word, the word table's rows it starts, counted up to one more than {@code limit}. */
    private static int[] found(List<String> words, int limit) {
        int[] found = new int[words.size()];
        for (int n = 0; n < words.size(); n++) {
            found[n] = Incident.getEntityManager()
                    .createQuery("select w.key.incidentId from IncidentSearchWord w where w.key.word like :word",
                            Long.class)
                    .setParameter("word", words.get(n) + "%").setMaxResults(limit + 1).getResultList().size();
        }
        return found;
    }

    private static int rarest(int[] found) {
        int rarest = 0;
        for (int n = 1; n < found.length; n++) {
            if (found[n] < found[rarest]) {
                rarest = n;
            }
        }
        return rarest;
    }

    /**
     * Word {@code byId} by the word table (the candidates' ids; -1 for none), every other word in the incident's
     * search text, which holds the same words as the table, separated by single spaces: a word starts one of them
     * when it follows a space in the text with a space put before it. The words are letters and digits only, never a
     * wildcard.
     */
    private static Condition h2Condition(List<String> words, int byId) {
        StringBuilder clause = new StringBuilder();
        Map<String, Object> parameters = new HashMap<>();
        for (int n = 0; n < words.size(); n++) {
            if (n > 0) {
                clause.append(" and ");
            }
            String name = "searchWord" + n;
            if (n == byId) {
                clause.append("i.id in (select w.key.incidentId from IncidentSearchWord w where w.key.word like :")
                        .append(name).append(')');
                parameters.put(name, words.get(n) + "%");
            } else {
                clause.append("concat(' ', i.searchText) like :").append(name);
                parameters.put(name, "% " + words.get(n) + "%");
            }
        }
        return new Condition(clause.toString(), parameters);
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
