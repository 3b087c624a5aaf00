package org.opregister.risk;

import java.util.HashMap;
import java.util.Map;

import org.opregister.TestSupport.Session;

/** Valid risk and control forms, recorded through the HTTP forms. */
public final class RiskFixtures {

    private RiskFixtures() {
    }

    public static Map<String, Object> riskForm(String title) {
        Map<String, Object> form = new HashMap<>();
        form.put("title", title);
        form.put("description", "Test risk");
        form.put("eventCategory", "BUSINESS_DISRUPTION");
        form.put("businessLine", "RETAIL_BANKING");
        form.put("orgUnit", "IT Operations");
        form.put("owner", "CIO");
        form.put("inherentLikelihood", "4");
        form.put("inherentImpact", "4");
        form.put("residualLikelihood", "2");
        form.put("residualImpact", "4");
        form.put("status", "ACTIVE");
        return form;
    }

    public static Map<String, Object> controlForm(String title) {
        Map<String, Object> form = new HashMap<>();
        form.put("title", title);
        form.put("type", "PREVENTIVE");
        form.put("nature", "AUTOMATED");
        form.put("frequency", "CONTINUOUS");
        form.put("owner", "Head of Endpoint Engineering");
        form.put("designEffectiveness", "EFFECTIVE");
        form.put("operatingEffectiveness", "NOT_TESTED");
        form.put("keyControl", "true");
        return form;
    }

    public static long risk(Session session, String title) {
        return idOf(session.post("/risks/new", "/risks", riskForm(title)).then().statusCode(303).extract()
                .header("Location"));
    }

    public static long control(Session session, String title) {
        return idOf(session.post("/controls/new", "/controls", controlForm(title)).then().statusCode(303).extract()
                .header("Location"));
    }

    public static void link(Session session, long riskId, long controlId) {
        session.post("/risks/" + riskId, "/risks/" + riskId + "/controls", Map.of("control", controlId)).then()
                .statusCode(303);
    }

    private static long idOf(String location) {
        String path = location.replaceAll("#.*$", "");
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }
}
