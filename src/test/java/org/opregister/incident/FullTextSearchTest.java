package org.opregister.incident;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The register's free-text search (issue #19): every typed word must start a word of the reference, title,
 * description, root cause, unit, owner or third party; case and accents ignored. The same cases run on H2
 * ({@code ./mvnw test}) and on PostgreSQL ({@code DB_KIND=postgresql}), asserting the exact set of incidents found, so
 * both databases give the same results. Every query but a few carries this test's own tag word, so incidents other
 * tests recorded never count.
 */
@QuarkusTest
class FullTextSearchTest {

    private Session officer;

    private String tag;
    private String a;
    private String b;
    private String c;
    private String d;
    private long idA;

    @BeforeEach
    void record() {
        officer = TestSupport.session("officer");
        tag = "fts" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        idA = recordWith(tag + " Réseau outage", "Core switch failed", "Firmware bug", "IT Operations", "Jane Doe",
                "CrowdStrike Holdings");
        a = reference(idA);
        b = reference(recordWith(tag + " reseau latency", "Slow links to the vendor portal", "Capacity planning",
                "Network Services", "Paul Martin", ""));
        c = reference(recordWith(tag + " Payment file rejected", "The batch held a malformed IBAN",
                "Schema change by the clearing house", "Payments Operations", "Zoë Müller", "SWIFT"));
        d = reference(recordWith(tag + " Vendor invoice duplicated", "Paid twice", "Missing four-eyes check",
                "Procurement", "Head of Purchasing", ""));
    }

    @Test
    void accentsAndCaseAreIgnoredBothWays() {
        assertFound("reseau", a, b);
        assertFound("RÉSEAU", a, b);
        assertFound("Réseau", a, b);
        assertFound("zoe muller", c);
        assertFound("ZOË MÜLLER", c);
        assertFound("PAYMENT", c);
    }

    @Test
    void wordsMatchByTheirStartAndAllMustMatch() {
        assertFound("vend", b, d);
        assertFound("crowd", a);
        assertFound("vendor paid", d);
        assertFound("reseau firmware", a);
        assertFound("eseau");
        assertFound("outage latency");
    }

    @Test
    void everyFieldIsSearched() {
        assertFound("malformed", c); // description only
        assertFound("capacity", b); // root cause only
        assertFound("clearing house", c); // root cause only
        assertFound("swift", c); // third party
        assertFound("crowdstrike", a); // third party
        assertFound("procurement", d); // unit
        assertFound("jane", a); // owner
        assertFound(c, c); // the reference typed whole
        assertFound(c.toLowerCase(), c);
        assertFound("zzqxnothing");
    }

    @Test
    void theReferenceAloneFindsItsIncident() {
        assertTrue(found(c).contains(c), "typing the reference alone finds it");
    }

    @Test
    void punctuationSeparatesWordsAndIsNeverSyntax() {
        assertFound("\"reseau\"", a, b);
        assertFound("'reseau'", a, b);
        assertFound("reseau & firmware", a);
        assertFound("reseau | payment"); // | separates words; both must match
        assertFound("!reseau", a, b);
        assertFound("reseau:*", a, b);
        assertFound("res%", a, b);
        assertFound("_eseau");
        assertFound("res\\", a, b);
        assertFound("reseau')) or 1=1 --");
        assertFound("'; drop table incident; --");
        assertFound("x".repeat(150));
        assertFound("reseau " + String.join(" ", java.util.Collections.nCopies(20, "reseau")), a, b);
    }

    @Test
    void onlyPunctuationIsNoFilter() {
        long all = total(null);
        assertEquals(all, total("%&|!:*\\'\""));
        assertEquals(all, total("   "));
    }

    @Test
    void anyInputGivesAPage() {
        officer.request().queryParam("q", "x".repeat(1000)).get("/incidents").then().statusCode(400)
                .body(containsString("f-q"));
        officer.request().queryParam("q", tag + " %_\\'\"&|!:*()<>").get("/incidents").then().statusCode(200);
        officer.request().get("/incidents").then().statusCode(200)
                .body(containsString("Each word you type must start a word of the incident"));
        officer.in("fr").request().get("/incidents").then().statusCode(200)
                .body(containsString("Chaque mot saisi doit commencer un mot de l’incident"));
        officer.request().queryParam("q", tag + " reseau").get("/incidents").then().statusCode(200)
                .body(containsString("<strong id=\"total-count\">2</strong>"))
                .body(containsString(a)).body(containsString(b));
        String csv = officer.request().queryParam("q", tag + " reseau firmware").get("/incidents/export.csv")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains(a));
        assertFalse(csv.contains(b));
    }

    @Test
    void anEditedDescriptionIsFoundByItsNewWordsOnly() {
        assertFound("switch", a);
        Map<String, Object> form = IncidentFixtures.incidentForm(tag + " Réseau outage");
        form.put("description", "Router replaced overnight");
        form.put("rootCause", "Firmware bug");
        form.put("orgUnit", "IT Operations");
        form.put("owner", "Jane Doe");
        form.put("thirdParty", "CrowdStrike Holdings");
        form.put("version", IncidentFixtures.version(officer, idA));
        officer.post("/incidents/" + idA + "/edit", "/incidents/" + idA, form).then().statusCode(303);
        assertFound("router", a);
        assertFound("overnight reseau", a);
        assertFound("switch");
        assertFound("core");
    }

    /**
     * As H2 chooses, then both ways a page may take: candidates by id from the rarest word, every word in each
     * incident's search text; the totals take the rarest word's candidates by id either way.
     */
    private void assertFound(String query, String... references) {
        Set<String> expected = new TreeSet<>(List.of(references));
        assertEquals(expected, found(tag + " " + query), "q=" + tag + " " + query);
        try {
            SearchIndex.fewForTests = 100_000;
            assertEquals(expected, found(tag + " " + query), "by id: " + query);
            SearchIndex.fewForTests = 0;
            assertEquals(expected, found(tag + " " + query), "per incident: " + query);
        } finally {
            SearchIndex.fewForTests = -1;
        }
    }

    /** The references found; the total (counted apart from the page on H2) counts them. */
    private Set<String> found(String query) {
        var found = officer.request().queryParam("q", query).queryParam("size", 100).get("/api/incidents").then()
                .statusCode(200).extract().jsonPath();
        List<String> references = found.getList("items.reference");
        assertEquals(references.size(), found.getLong("total"), "total of q=" + query);
        return new TreeSet<>(references);
    }

    private long total(String query) {
        var request = officer.request();
        if (query != null) {
            request.queryParam("q", query);
        }
        return request.get("/api/incidents").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private long recordWith(String title, String description, String rootCause, String unit, String owner,
            String thirdParty) {
        Map<String, Object> form = IncidentFixtures.incidentForm(title);
        form.put("description", description);
        form.put("rootCause", rootCause);
        form.put("orgUnit", unit);
        form.put("owner", owner);
        form.put("thirdParty", thirdParty);
        return IncidentFixtures.record(officer, form);
    }

    private String reference(long id) {
        return officer.request().get("/api/incidents/" + id).then().statusCode(200).extract().jsonPath()
                .getString("reference");
    }
}
