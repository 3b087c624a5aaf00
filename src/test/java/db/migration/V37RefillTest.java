package db.migration;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Migration V37 gives incidents written before it (their search text in the old form, no words on H2) the words the
 * application would write: what a bank upgrading with its register gets.
 */
@QuarkusTest
class V37RefillTest {

    @Test
    void incidentsWrittenBeforeTheMigrationAreFoundAfterIt() {
        TestSupport.Session officer = TestSupport.session("officer");
        String tag = "refill" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Map<String, Object> form = IncidentFixtures.incidentForm(tag + " Ancien réseau");
        form.put("description", "Une panne héritée");
        form.put("rootCause", "Câble débranché");
        long id = IncidentFixtures.record(officer, form);
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Incident.getEntityManager();
            em.createNativeQuery("update incident set search_text = :old where id = :id")
                    .setParameter("old", tag + " | ancien réseau").setParameter("id", id).executeUpdate();
            em.createNativeQuery("delete from incident_search_word").executeUpdate();
        });
        assertEquals(List.of(), found(officer, tag + " cable"), "before the refill the root cause is not searched");

        QuarkusTransaction.requiringNew().run(() -> Incident.getEntityManager().unwrap(Session.class)
                .doWork(connection -> {
                    try {
                        V37__full_text_search.refill(connection, !connection.getMetaData().getDatabaseProductName()
                                .toLowerCase(Locale.ROOT).contains("postgres"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
        assertEquals(List.of(id), found(officer, tag + " reseau HERITEE cable"));
        assertEquals(List.of(id), found(officer, tag));
    }

    private static List<Long> found(TestSupport.Session session, String query) {
        return session.request().queryParam("q", query).get("/api/incidents").then().statusCode(200).extract()
                .jsonPath().getList("items.id", Long.class);
    }
}
