package org.opregister.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.opregister.TestSupport.Session;

/** Valid incident and loss forms, and short-cuts that record them through the HTTP forms. */
public final class IncidentFixtures {

    private IncidentFixtures() {
    }

    public static Map<String, Object> incidentForm(String title) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("description", "Test incident");
        form.put("severity", "HIGH");
        form.put("eventCategory", "EXECUTION_DELIVERY_PROCESS");
        form.put("eventType", "TRANSACTION_CAPTURE_EXECUTION");
        form.put("businessLine", "PAYMENT_AND_SETTLEMENT");
        form.put("orgUnit", "Payments Operations");
        form.put("owner", "Head of Payments");
        form.put("occurrenceDate", "2025-03-03");
        form.put("discoveryDate", "2025-03-04");
        form.put("causes", List.of("PROCESS", "PEOPLE"));
        form.put("rootCause", "Manual keying error");
        form.put("thirdParty", "");
        return form;
    }

    public static Map<String, Object> lossForm(String type, String amount, String currency, String fxRate,
            String date) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("type", type);
        form.put("amount", amount);
        form.put("currency", currency);
        form.put("fxRate", fxRate);
        if (!"EUR".equals(currency) && fxRate != null) {
            form.put("fxReason", "Rate agreed with finance for the test");
        }
        if (type.endsWith("_RECOVERY")) {
            form.put("recoveryStatus", "RECEIVED");
        }
        form.put("accountingDate", date);
        form.put("description", type + " line");
        return form;
    }

    /** Records an incident through the form and returns its id. */
    public static long record(Session session, Map<String, Object> form) {
        String location = session.post("/incidents/new", "/incidents", form)
                .then().statusCode(303).extract().header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    public static long record(Session session, String title) {
        return record(session, incidentForm(title));
    }

    public static void addLoss(Session session, long id, Map<String, Object> loss) {
        session.post("/incidents/" + id, "/incidents/" + id + "/losses", loss).then().statusCode(303);
    }

    public static void transition(Session session, long id, String transition) {
        long version = version(session, id);
        session.post("/incidents/" + id, "/incidents/" + id + "/transitions/" + transition, Map.of("version", version))
                .then().statusCode(303);
    }

    public static long version(Session session, long id) {
        return session.request().auth().none().get("/api/incidents/" + id).then().statusCode(200)
                .extract().jsonPath().getLong("version");
    }

    /**
     * How many ledger lines hold an event that differs from a recomputation from the incidents (the rule of migration
     * V22); only the lines of incidents whose bank key starts with {@code keyPrefix}, when given.
     */
    public static long linesOffTheirEvent(String keyPrefix) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Incident.getEntityManager().createNativeQuery("select count(*) from loss_entry l"
                    + " join incident i on i.id = l.incident_id"
                    + " join incident e on e.id = coalesce(i.root_event_id, i.id)"
                    + " where (l.event_id <> e.id or l.event_type <> e.event_type"
                    + " or l.event_business_line <> e.business_line"
                    + " or l.event_excluded <> (e.near_miss or e.gain_event or e.credit_boundary)"
                    + " or l.event_gross <> e.gross_loss"
                    + " + coalesce((select sum(m.gross_loss) from incident m where m.root_event_id = e.id), 0)"
                    + " or l.event_net <> e.net_loss"
                    + " + coalesce((select sum(m.net_loss) from incident m where m.root_event_id = e.id), 0))"
                    + (keyPrefix == null ? "" : " and i.external_reference like :prefix"));
            if (keyPrefix != null) {
                query.setParameter("prefix", keyPrefix + "%");
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** Whether every incident whose bank key starts with that prefix holds the totals of its ledger. */
    public static boolean totalsFollowTheirLedger(String keyPrefix) {
        return QuarkusTransaction.requiringNew().call(() -> Incident
                .<Incident>list("externalReference like ?1", keyPrefix + "%").stream()
                .allMatch(incident -> LossEntry.totals(incident).sameAs(incident.grossLoss, incident.recoveries,
                        incident.expectedRecoveries, incident.provisions)));
    }
}
