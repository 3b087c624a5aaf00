package org.opregister.action;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

import org.opregister.TestSupport.Session;

/** Action plans started and worked through the HTTP forms. */
public final class ActionFixtures {

    static final String FORM_PAGE = "/account/password";

    private ActionFixtures() {
    }

    public static Map<String, Object> form(String title, String owner, String due, String sourceType, String source) {
        Map<String, Object> form = new HashMap<>();
        form.put("title", title);
        form.put("owner", owner);
        form.put("priority", "HIGH");
        form.put("dueDate", due);
        form.put("sourceType", sourceType);
        form.put("source", source);
        return form;
    }

    public static long start(Session session, Map<String, Object> form) {
        String location = session.post("/actions/new", "/actions", form).then().statusCode(303).extract()
                .header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    public static ActionPlan action(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ActionPlan.findById(id));
    }

    public static Response post(Session session, long id, String step, Map<String, Object> fields) {
        return session.post(FORM_PAGE, "/actions/" + id + step, fields);
    }

    public static Map<String, Object> versioned(long id, String field, String value) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("version", action(id).version);
        if (field != null) {
            fields.put(field, value);
        }
        return fields;
    }
}
