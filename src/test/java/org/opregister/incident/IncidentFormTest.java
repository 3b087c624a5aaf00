package org.opregister.incident;

import java.time.LocalDate;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opregister.incident.IncidentFixtures.incidentForm;

/** Recording and editing incidents through the browser forms: validation, references, editing. */
@QuarkusTest
class IncidentFormTest {

    private Session officer;

    @BeforeEach
    void signIn() {
        officer = TestSupport.session("officer");
    }

    @Test
    void recordsADraftWithAGeneratedReference() {
        long id = IncidentFixtures.record(officer, "Reference check");
        officer.request().get("/incidents/" + id).then().statusCode(200)
                .body(containsString("Reference check"))
                .body(containsString("Draft"))
                .body(containsString("INC-" + LocalDate.now().getYear() + "-"));
        Incident stored = IncidentTestData.find(id);
        assertEquals(IncidentStatus.DRAFT, stored.status);
        assertEquals(LocalDate.now(), stored.reportingDate);
        assertEquals("officer", stored.createdBy);
    }

    @Test
    void referencesAreUniqueAndIncreasing() {
        long first = IncidentFixtures.record(officer, "First of two");
        long second = IncidentFixtures.record(officer, "Second of two");
        String a = IncidentTestData.find(first).reference;
        String b = IncidentTestData.find(second).reference;
        org.junit.jupiter.api.Assertions.assertTrue(a.matches("INC-\\d{4}-\\d{4,}"), a);
        org.junit.jupiter.api.Assertions.assertTrue(b.compareTo(a) > 0, a + " then " + b);
    }

    @Test
    void missingFieldsAreReportedPerFieldAndInputIsKept() {
        long before = IncidentTestData.count();
        Map<String, Object> form = incidentForm("Kept <script>alert(1)</script>");
        form.remove("orgUnit");
        form.put("owner", " ");
        officer.post("/incidents/new", "/incidents", form).then().statusCode(400)
                .body(containsString("The form was not saved"))
                .body(containsString("id=\"e-orgUnit\""))
                .body(containsString("id=\"e-owner\""))
                .body(containsString("value=\"Kept &lt;script&gt;alert(1)&lt;/script&gt;\""))
                .body(not(containsString("<script>alert(1)</script>")));
        assertEquals(before, IncidentTestData.count(), "nothing stored");
    }

    @Test
    void onlyValidLevelOneLevelTwoPairsAreAccepted() {
        Map<String, Object> form = incidentForm("Bad pair");
        form.put("eventCategory", "INTERNAL_FRAUD");
        form.put("eventType", "SYSTEMS");
        officer.post("/incidents/new", "/incidents", form).then().statusCode(400)
                .body(containsString("does not belong to the chosen Level 1 event type"));
    }

    @Test
    void unknownCodesAreRejected() {
        Map<String, Object> form = incidentForm("Bad codes");
        form.put("severity", "APOCALYPTIC");
        form.put("businessLine", "'; drop table incident; --");
        form.put("causes", java.util.List.of("ALIENS"));
        officer.post("/incidents/new", "/incidents", form).then().statusCode(400)
                .body(containsString("id=\"e-severity\""))
                .body(containsString("id=\"e-businessLine\""))
                .body(containsString("Choose one of the listed values"));
    }

    @Test
    void datesMustBeInOrderAndNotInTheFuture() {
        Map<String, Object> form = incidentForm("Bad dates");
        form.put("occurrenceDate", "2025-03-10");
        form.put("discoveryDate", "2025-03-09");
        officer.post("/incidents/new", "/incidents", form).then().statusCode(400)
                .body(containsString("Discovery cannot be before occurrence"));

        form.put("occurrenceDate", LocalDate.now().plusDays(1).toString());
        form.put("discoveryDate", LocalDate.now().plusDays(2).toString());
        officer.post("/incidents/new", "/incidents", form).then().statusCode(400)
                .body(containsString("This date is in the future"));

        form.put("occurrenceDate", "0000-01-01");
        form.put("discoveryDate", "19/07/2024");
        officer.post("/incidents/new", "/incidents", form).then().statusCode(400)
                .body(containsString("Enter a date between"))
                .body(containsString("Enter a date as YYYY-MM-DD"));
    }

    @Test
    void overlongTextIsRejected() {
        Map<String, Object> form = incidentForm("x".repeat(201));
        officer.post("/incidents/new", "/incidents", form).then().statusCode(400)
                .body(containsString("At most 200 characters"));
    }

    @Test
    void editSavesChangesAndKeepsTheReference() {
        long id = IncidentFixtures.record(officer, "Before edit");
        String reference = IncidentTestData.find(id).reference;
        Map<String, Object> form = incidentForm("After edit");
        form.put("version", IncidentFixtures.version(officer, id));
        form.put("nearMiss", "true");
        String flash = officer.post("/incidents/" + id + "/edit", "/incidents/" + id, form).then().statusCode(303)
                .header("Location", containsString("/incidents/" + id)).extract().cookie("oprisk-flash");
        Incident stored = IncidentTestData.find(id);
        assertEquals("After edit", stored.title);
        assertEquals(reference, stored.reference);
        assertEquals(true, stored.nearMiss);
        officer.request().cookie("oprisk-flash", flash).get("/incidents/" + id)
                .then().body(containsString("Incident " + reference + " saved."));
    }

    @Test
    void secondOfTwoConcurrentEditsIsRefusedAndNothingIsLost() {
        long id = IncidentFixtures.record(officer, "Concurrent");
        long version = IncidentFixtures.version(officer, id);
        Session other = TestSupport.session("officer2");

        Map<String, Object> first = incidentForm("Saved by the first editor");
        first.put("version", version);
        other.post("/incidents/" + id + "/edit", "/incidents/" + id, first).then().statusCode(303);

        Map<String, Object> second = incidentForm("Saved by the second editor");
        second.put("version", version);
        officer.post("/incidents/" + id + "/edit", "/incidents/" + id, second).then().statusCode(409)
                .body(containsString("Someone else saved this record after you opened it"))
                .body(containsString("value=\"Saved by the second editor\""));
        assertEquals("Saved by the first editor", IncidentTestData.find(id).title);
    }

    @Test
    void unknownIdsGiveA404Page() {
        officer.request().get("/incidents/987654321").then().statusCode(404).body(containsString("Not found"));
        officer.request().get("/incidents/not-a-number").then().statusCode(404);
        officer.request().get("/incidents/987654321/edit").then().statusCode(404);
        officer.post("/incidents/new", "/incidents/987654321", incidentForm("Ghost")).then().statusCode(404);
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() {
        long before = IncidentTestData.count();
        officer.request().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("title", "No token", "severity", "LOW"))
                .post("/incidents").then().statusCode(equalTo(400));
        assertEquals(before, IncidentTestData.count());
    }
}
