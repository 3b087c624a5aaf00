package org.opregister.action;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The owner and managers edit an action plan; only a manager gives it to another owner. */
@QuarkusTest
class ActionOwnershipTest {

    private Session officer;
    private Session officer2;
    private Session manager;

    @BeforeEach
    void signIn() {
        officer = TestSupport.session("officer");
        officer2 = TestSupport.session("officer2");
        manager = TestSupport.session("manager");
    }

    @Test
    void anotherOfficerCannotEditAPlanNorTakeItOver() {
        long id = plan("Officer's plan");
        officer2.request().get("/actions/" + id).then().statusCode(200)
                .body(not(containsString("/actions/" + id + "/edit")));
        officer2.request().get("/actions/" + id + "/edit").then().statusCode(403);
        officer2.post("/actions/" + id, "/actions/" + id, edit(id, "Taken over", "officer2")).then().statusCode(403);
        officer2.request().contentType("application/json").body(edit(id, "Taken over", "officer2"))
                .put("/api/actions/" + id).then().statusCode(403);

        ActionPlan unchanged = ActionFixtures.action(id);
        assertEquals("officer", unchanged.owner);
        assertEquals("Officer's plan", unchanged.title);
    }

    @Test
    void theOwnerEditsButOnlyAManagerReassigns() {
        long id = plan("Owner edits");
        officer.request().get("/actions/" + id).then().body(containsString("/actions/" + id + "/edit"));
        officer.request().get("/actions/" + id + "/edit").then().statusCode(200)
                .body(containsString("Only a manager can give the plan to another owner"));

        officer.post("/actions/" + id, "/actions/" + id, edit(id, "Owner edits", "officer2")).then().statusCode(400)
                .body(containsString("Only a manager can give this plan to another owner"));
        officer.request().contentType("application/json").body(edit(id, "Owner edits", "officer2"))
                .put("/api/actions/" + id).then().statusCode(400)
                .body(containsString("Only a manager can give this plan to another owner"));
        assertEquals("officer", ActionFixtures.action(id).owner);

        officer.post("/actions/" + id, "/actions/" + id, edit(id, "Owner edits, clearer", "officer")).then()
                .statusCode(303);
        assertEquals("Owner edits, clearer", ActionFixtures.action(id).title);

        manager.post("/actions/" + id, "/actions/" + id, edit(id, "Owner edits, clearer", "officer2")).then()
                .statusCode(303);
        assertEquals("officer2", ActionFixtures.action(id).owner);
        // The former owner is now "another officer".
        officer.request().get("/actions/" + id + "/edit").then().statusCode(403);

        manager.request().contentType("application/json").body(edit(id, "Back to the first owner", "officer"))
                .put("/api/actions/" + id).then().statusCode(200).body(containsString("\"owner\":\"officer\""));
        assertEquals("officer", ActionFixtures.action(id).owner);
    }

    private long plan(String title) {
        return ActionFixtures.start(officer,
                ActionFixtures.form(title, "officer", LocalDate.now().plusDays(30).toString(),
                        "RISK", "RSK-0001"));
    }

    private static Map<String, Object> edit(long id, String title, String owner) {
        Map<String, Object> form = new HashMap<>();
        form.put("title", title);
        form.put("owner", owner);
        form.put("priority", "HIGH");
        form.put("version", Long.toString(ActionFixtures.action(id).version));
        return form;
    }
}
