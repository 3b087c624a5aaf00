package org.opregister.controltest;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

import org.opregister.TestSupport.Csrf;
import org.opregister.TestSupport.Session;

/** Control tests planned, executed and given evidence through the HTTP forms. */
public final class ControlTestFixtures {

    static final String FORM_PAGE = "/account/password";
    public static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private ControlTestFixtures() {
    }

    public static long plan(Session session, long controlId, String tester) {
        Map<String, Object> form = new HashMap<>();
        form.put("control", controlId);
        form.put("procedure", "Re-perform the duplicate check on a sample of manual payments.");
        form.put("sampleSize", "25");
        form.put("periodStart", "2025-01-01");
        form.put("periodEnd", "2025-03-31");
        form.put("tester", tester);
        String location = session.post("/control-tests/new", "/control-tests", form).then().statusCode(303)
                .extract().header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    public static ControlTest test(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ControlTest test = ControlTest.findById(id);
            test.control.reference.length();
            return test;
        });
    }

    public static Response execute(Session tester, long id, String result, String findings, String executedOn,
            boolean submit) {
        Map<String, Object> form = new HashMap<>();
        form.put("version", test(id).version);
        form.put("result", result);
        form.put("findings", findings);
        form.put("executedOn", executedOn);
        return tester.post(FORM_PAGE, "/control-tests/" + id + (submit ? "/submit" : "/execution"), form);
    }

    public static Response review(Session manager, long id, String decision, String comment) {
        Map<String, Object> form = new HashMap<>();
        form.put("version", test(id).version);
        form.put("reviewComment", comment);
        return manager.post(FORM_PAGE, "/control-tests/" + id + "/" + decision, form);
    }

    public static Response upload(Session session, long id, String fileName, byte[] data) {
        Csrf csrf = session.csrf(FORM_PAGE);
        return session.request().cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("file", fileName, data, "application/octet-stream")
                .post("/control-tests/" + id + "/evidence");
    }
}
