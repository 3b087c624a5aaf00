package org.opregister.kri;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

import org.opregister.TestSupport.Session;

/** KRIs defined and measured through the HTTP forms. */
public final class KriFixtures {

    static final String FORM_PAGE = "/account/password";

    private KriFixtures() {
    }

    public static Map<String, Object> kriForm(String name, String direction, String green, String red) {
        Map<String, Object> form = new HashMap<>();
        form.put("name", name);
        form.put("unit", "%");
        form.put("frequency", "MONTHLY");
        form.put("owner", "Head of IT Operations");
        form.put("direction", direction);
        form.put("greenLimit", green);
        form.put("redLimit", red);
        form.put("source", "MANUAL");
        form.put("status", "ACTIVE");
        return form;
    }

    public static long define(Session session, Map<String, Object> form) {
        String location = session.post("/kris/new", "/kris", form).then().statusCode(303).extract().header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    public static long define(Session session, String name) {
        return define(session, kriForm(name, "HIGHER_IS_WORSE", "20", "40"));
    }

    public static Response record(Session session, long kriId, String period, String value) {
        return session.post(FORM_PAGE, "/kris/" + kriId + "/values", Map.of("period", period, "value", value));
    }

    /**
     * Computed KRIs follow the register after each change commits, a moment later: reads of values and breaches
     * first run whatever recompute is waiting, on this thread.
     */
    public static void drain() {
        Arc.container().instance(KriRecomputes.class).get().drain();
    }

    public static KriValue value(long kriId, String period) {
        drain();
        return QuarkusTransaction.requiringNew().call(() -> {
            Kri kri = Kri.findById(kriId);
            KriValue value = KriValue.at(kri, kri.frequency.parse(period));
            if (value != null) {
                value.kri.reference.length();
            }
            return value;
        });
    }

    public static List<KriBreach> breaches(long kriId) {
        drain();
        return QuarkusTransaction.requiringNew().call(() -> KriBreach.of(Kri.findById(kriId)));
    }

    public static long valueCount(long kriId) {
        drain();
        return QuarkusTransaction.requiringNew().call(() -> KriValue.count("kri.id", kriId));
    }
}
