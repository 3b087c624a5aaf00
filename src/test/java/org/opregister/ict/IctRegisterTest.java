package org.opregister.ict;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.opregister.Parallel;
import org.opregister.TestSupport;
import org.opregister.TestSupport.Csrf;
import org.opregister.TestSupport.Session;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;
import org.opregister.seed.ExampleCase;
import org.opregister.seed.ExampleIctRegister;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ICT register through its pages: services, providers, contracts, incident links, migration, seed, exports. */
@QuarkusTest
class IctRegisterTest {

    /** A valid LEI (ISO 17442 check digits) for a random 18-character prefix. */
    static String lei() {
        String prefix = String.format("TEST%014d", System.nanoTime() % 100_000_000_000_000L);
        StringBuilder digits = new StringBuilder();
        for (char c : (prefix + "00").toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return prefix + String.format("%02d", check);
    }

    private static String tag() {
        return Long.toString(System.nanoTime() % 1_000_000_000L);
    }

    private static Map<String, Object> providerForm(String name, String lei, String country) {
        Map<String, Object> form = new HashMap<>();
        form.put("name", name);
        form.put("lei", lei);
        form.put("country", country);
        form.put("personType", "LEGAL_PERSON");
        return form;
    }

    private static long created(Response response) {
        String location = response.then().statusCode(303).extract().header("Location");
        String path = location.replaceAll("#.*$", "");
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    private static IctProvider provider(long id) {
        return QuarkusTransaction.requiringNew().call(() -> IctProvider.<IctProvider>findById(id));
    }

    @Test
    void managersKeepTheServicesOthersReadThem() {
        Session manager = TestSupport.session("manager");
        String code = "SVC" + tag();
        manager.post("/services/new", "/services", Map.of("code", code, "name", "", "functionName", "Payments"))
                .then().statusCode(400).body(containsString("value=\"" + code + "\""));
        manager.post("/services/new", "/services", Map.of("code", code, "name", "Card issuing", "functionName",
                "Payment services", "criticalOrImportant", "true")).then().statusCode(303);
        manager.post("/services/new", "/services", Map.of("code", code.toLowerCase(), "name", "Again",
                "functionName", "x")).then().statusCode(400).body(containsString("already used"));
        BusinessService service = QuarkusTransaction.requiringNew().call(() -> BusinessService.byCode(code));
        assertTrue(service.criticalOrImportant);
        manager.post("/services/" + service.id + "/edit", "/services/" + service.id, Map.of("version",
                service.version + 1, "name", "Stale", "functionName", "x")).then().statusCode(409);
        manager.post("/services/" + service.id + "/edit", "/services/" + service.id, Map.of("version",
                service.version, "name", "Card issuing", "functionName", "Payment services")).then()
                .statusCode(303);
        assertEquals(false,
                QuarkusTransaction.requiringNew().call(() -> BusinessService.byCode(code)).criticalOrImportant,
                "an unticked box clears the flag");
        TestSupport.session("officer").request().get("/services").then().statusCode(200)
                .body(containsString(code));
        TestSupport.session("officer").request().get("/services/new").then().statusCode(403);
        manager.request().get("/services/999999999/edit").then().statusCode(404);
    }

    @Test
    void providersAreValidatedAndKeepTheInput() {
        Session officer = TestSupport.session("officer");
        String name = "Provider " + tag();
        officer.post("/ict-providers/new", "/ict-providers", providerForm(name, "5493001KJTIIGC8Y1R13", "DE"))
                .then().statusCode(400).body(containsString("Not a valid LEI"))
                .body(containsString("value=\"" + name + "\""));
        officer.post("/ict-providers/new", "/ict-providers", providerForm(name, "", "ZZ"))
                .then().statusCode(400).body(containsString("ISO 3166-1"));
        String lei = lei();
        long id = created(officer.post("/ict-providers/new", "/ict-providers",
                providerForm("  " + name + " ", lei.toLowerCase(), "de")));
        IctProvider provider = provider(id);
        assertEquals(name, provider.name);
        assertEquals(lei, provider.lei);
        assertEquals("DE", provider.country);
        officer.post("/ict-providers/new", "/ict-providers", providerForm(name.toUpperCase(), "", ""))
                .then().statusCode(400).body(containsString("already recorded"));
        officer.post("/ict-providers/new", "/ict-providers", providerForm("Other " + tag(), lei, ""))
                .then().statusCode(400).body(containsString("LEI is already recorded"));

        Map<String, Object> edit = providerForm(name + " GmbH", "", "AT");
        edit.put("version", provider.version + 1);
        officer.post("/ict-providers/" + id + "/edit", "/ict-providers/" + id, edit).then().statusCode(409);
        edit.put("version", provider.version);
        officer.post("/ict-providers/" + id + "/edit", "/ict-providers/" + id, edit).then().statusCode(303);
        assertEquals("AT", provider(id).country);
        officer.request().get("/ict-providers/999999999").then().statusCode(404);
        TestSupport.session("auditor").request().get("/ict-providers/" + id).then().statusCode(200)
                .body(containsString(name + " GmbH")).body(not(containsString("/ict-providers/" + id + "/edit")));
        TestSupport.session("auditor").post("/account/password", "/ict-providers", providerForm("x", "", ""))
                .then().statusCode(403);
    }

    @Test
    void contractsLinkServicesAndIncidentsShowTheirLosses() {
        Session officer = TestSupport.session("officer");
        long providerId = created(officer.post("/ict-providers/new", "/ict-providers",
                providerForm("Contract provider " + tag(), "", "FR")));
        long serviceId = QuarkusTransaction.requiringNew().call(() -> IctFixtures.service("C" + tag(), true).id);
        String reference = "CT-" + tag();
        Map<String, Object> form = new HashMap<>();
        form.put("reference", reference);
        form.put("startDate", "2024-01-01");
        form.put("endDate", "2023-12-31");
        form.put("serviceType", "S17");
        form.put("substitutability", "NOT_SUBSTITUTABLE");
        form.put("exitPlanTestedOn", "2024-06-01");
        form.put("services", List.of(serviceId));
        String formPage = "/ict-providers/" + providerId + "/contracts/new";
        officer.post(formPage, "/ict-providers/" + providerId + "/contracts", form).then().statusCode(400)
                .body(containsString("before the start date")).body(containsString("Only an existing exit plan"))
                .body(containsString("value=\"" + reference + "\""));
        form.put("endDate", "");
        form.put("exitPlan", "true");
        form.put("annualCost", "1200.50");
        form.put("currency", "eur");
        long created = created(officer.post(formPage, "/ict-providers/" + providerId + "/contracts", form));
        assertEquals(providerId, created, "back to the provider's page");
        IctContract contract = QuarkusTransaction.requiringNew().call(() -> {
            IctContract c = IctContract.byReference(reference);
            c.services.size();
            return c;
        });
        assertEquals("EUR", contract.currency);
        assertTrue(contract.exitPlanTested());
        assertEquals(1, contract.services.size());
        officer.post(formPage, "/ict-providers/" + providerId + "/contracts", form).then().statusCode(400)
                .body(containsString("already used"));

        String edit = "/ict-providers/" + providerId + "/contracts/" + contract.id;
        form.put("version", contract.version + 1);
        officer.post(edit + "/edit", edit, form).then().statusCode(409);
        form.put("version", contract.version);
        form.put("services", List.of());
        officer.post(edit + "/edit", edit, form).then().statusCode(303);
        officer.request().get("/ict-providers/999999999/contracts/" + contract.id + "/edit").then().statusCode(404);

        long incidentId = IncidentFixtures.record(officer, "Provider outage " + tag());
        IncidentFixtures.addLoss(officer, incidentId,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "2500", "EUR", "1", "2025-03-31"));
        String page = "/ict-providers/" + providerId;
        officer.post(page, page + "/incidents", Map.of("incident", "NO-SUCH-INCIDENT")).then().statusCode(400);
        officer.post(page, page + "/incidents", Map.of("incident", Long.toString(incidentId), "contract",
                contract.id)).then().statusCode(303);
        officer.request().get(page).then().statusCode(200).body(containsString("Provider outage"))
                .body(containsString("id=\"provider-gross\""))
                .body(containsString("2,500.00"));
        officer.request().get("/incidents/" + incidentId).then().statusCode(200)
                .body(containsString("id=\"ict-providers\"")).body(containsString(reference));
        // from the incident's page: another provider, with a contract that is not its own
        long other = created(officer.post("/ict-providers/new", "/ict-providers",
                providerForm("Second provider " + tag(), "", "")));
        officer.post("/incidents/" + incidentId, "/incidents/" + incidentId + "/ict-providers",
                Map.of("provider", other, "contract", contract.id)).then().statusCode(400);
        officer.post("/incidents/" + incidentId, "/incidents/" + incidentId + "/ict-providers",
                Map.of("provider", other)).then().statusCode(303);
        long linkId = QuarkusTransaction.requiringNew().call(() -> IncidentProvider.ofIncident(incidentId).stream()
                .filter(l -> l.provider.id.equals(other)).findFirst().orElseThrow().id);
        TestSupport.session("auditor").post("/incidents/" + incidentId,
                "/incidents/" + incidentId + "/ict-providers/" + linkId + "/unlink", Map.of()).then()
                .statusCode(403);
        officer.post("/incidents/" + incidentId, "/incidents/" + incidentId + "/ict-providers/" + linkId + "/unlink",
                Map.of()).then().statusCode(303);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> IncidentProvider.ofIncident(incidentId).size()));
    }

    @Test
    void providerLinksStayOpenOnClosedIncidentsAndALinkIsMadeOnce() {
        Session officer = TestSupport.session("officer");
        long incidentId = IncidentFixtures.record(officer, "Closed outage " + tag());
        IctFixtures.Register register = IctFixtures.register(incidentId);
        long other = created(officer.post("/ict-providers/new", "/ict-providers",
                providerForm("Root cause provider " + tag(), "", "IE")));
        QuarkusTransaction.requiringNew().run(() -> {
            Incident incident = Incident.findById(incidentId);
            incident.status = org.opregister.incident.IncidentStatus.CLOSED;
            incident.closureDate = java.time.LocalDate.of(2025, 3, 31);
        });
        String page = "/incidents/" + incidentId;
        // the picker is offered on the closed incident's page
        officer.request().get(page).then().statusCode(200)
                .body(containsString("action=\"" + page + "/ict-providers\""));
        // linking and unlinking a closed incident: allowed, audited as any change
        officer.post(page, page + "/ict-providers", Map.of("provider", other)).then().statusCode(303);
        long linkId = QuarkusTransaction.requiringNew().call(() -> IncidentProvider.ofIncident(incidentId).stream()
                .filter(l -> l.provider.id.equals(other)).findFirst().orElseThrow().id);
        // the same link again: "already linked" (400), not "closed"; the choice is kept
        officer.post(page, page + "/ict-providers", Map.of("provider", other)).then().statusCode(400)
                .body(containsString("already linked")).body(not(containsString("is closed and cannot be changed")))
                .body(containsString("value=\"" + other + "\" selected"));
        String providerPage = "/ict-providers/" + register.providerId();
        officer.post(providerPage, providerPage + "/incidents",
                Map.of("incident", Long.toString(incidentId), "contract", register.contractId())).then()
                .statusCode(400).body(containsString("already linked"))
                .body(containsString("value=\"" + incidentId + "\""))
                .body(containsString("value=\"" + register.contractId() + "\" selected"));
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> IncidentProvider.ofIncident(incidentId).size()));
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> org.opregister.audit.AuditEntry.<org.opregister.audit.AuditEntry>list(
                        "recordType = ?1 and recordId = ?2", "IncidentProvider",
                        Long.toString(linkId))
                        .size()) >= 1,
                "the link on the closed incident is audited");
        officer.post(page, page + "/ict-providers/" + linkId + "/unlink", Map.of()).then().statusCode(303);
        officer.post(providerPage, providerPage + "/incidents/" + register.linkId() + "/unlink", Map.of()).then()
                .statusCode(303);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> IncidentProvider.ofIncident(incidentId).size()));
        TestSupport.session("auditor").post(page, page + "/ict-providers", Map.of("provider", other)).then()
                .statusCode(403);
    }

    @Test
    void textsSayWhatTheRuleIs() {
        Session officer = TestSupport.session("officer");
        String name = "Dotted " + tag() + " Inc.";
        long id = created(officer.post("/ict-providers/new", "/ict-providers", providerForm(name, "", "US")));
        officer.post("/ict-providers/new", "/ict-providers", providerForm(name, "", "US")).then().statusCode(400)
                .body(containsString("A provider named “" + name + "” is already recorded."))
                .body(not(containsString(name + "..")));
        // the list flags the provider without LEI with a badge (text, not colour only)
        officer.request().get("/ict-providers").then().statusCode(200)
                .body(containsString("id=\"lei-missing-" + id + "\"")).body(containsString(">No LEI<"))
                .body(containsString("on a single provider with no tested exit plan"));
        // the warning names the EUID for EU companies only
        officer.request().get("/ict-providers/" + id).then().statusCode(200)
                .body(containsString("or for a company registered in the EU an EUID"));
        Map<String, Object> form = new HashMap<>();
        form.put("reference", "NEG-" + tag());
        form.put("startDate", "2024-01-01");
        form.put("serviceType", "S01");
        form.put("substitutability", "EASILY_SUBSTITUTABLE");
        form.put("annualCost", "-5");
        form.put("currency", "EUR");
        String formPage = "/ict-providers/" + id + "/contracts/new";
        officer.post(formPage, "/ict-providers/" + id + "/contracts", form).then().statusCode(400)
                .body(containsString("Enter 0 or more.")).body(not(containsString("-0.01")))
                .body(containsString("value=\"-5\""));
        // the supported services are checkboxes, each with its code, name and function
        long serviceId = QuarkusTransaction.requiringNew().call(() -> IctFixtures.service("CB" + tag(), true).id);
        officer.request().get(formPage).then().statusCode(200).body(not(containsString("<select multiple")))
                .body(containsString("type=\"checkbox\" id=\"f-service-" + serviceId + "\" name=\"services\""))
                .body(containsString("(function: Function CB"));
        form.put("annualCost", "0");
        form.put("services", List.of(serviceId));
        created(officer.post(formPage, "/ict-providers/" + id + "/contracts", form));
        officer.request().get("/ict-providers/" + id).then().statusCode(200)
                .body(containsString("Service CB")).body(containsString("(function: Function CB"));
    }

    @Test
    void twoRequestsCreatingTheSameLeiOrReferenceGiveOneRecord() {
        Session officer = TestSupport.session("officer");
        Session manager = TestSupport.session("manager");
        String lei = lei();
        Csrf officerCsrf = officer.csrf("/ict-providers/new");
        Csrf managerCsrf = manager.csrf("/ict-providers/new");
        List<Integer> statuses = Parallel.run(6, i -> (i % 2 == 0 ? officer : manager)
                .post(i % 2 == 0 ? officerCsrf : managerCsrf, "/ict-providers",
                        providerForm("Parallel " + i + " " + tag(), lei, ""))
                .statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 303).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> IctProvider.count("lei", lei)));

        long providerId = created(officer.post("/ict-providers/new", "/ict-providers",
                providerForm("Parallel contracts " + tag(), "", "")));
        String reference = "PAR-" + tag();
        Csrf csrf = officer.csrf("/ict-providers/" + providerId + "/contracts/new");
        List<Integer> contractStatuses = Parallel.run(6, i -> officer.post(csrf,
                "/ict-providers/" + providerId + "/contracts", Map.of("reference", reference, "startDate",
                        "2025-01-01", "serviceType", "S04", "substitutability", "EASILY_SUBSTITUTABLE"))
                .statusCode());
        assertEquals(1, contractStatuses.stream().filter(s -> s == 303).count(), contractStatuses.toString());
        assertEquals(5, contractStatuses.stream().filter(s -> s == 400).count(), contractStatuses.toString());

        // the same incident linked to the same provider by several requests at once: one link, the others "already
        // linked"
        long incidentId = IncidentFixtures.record(officer, "Parallel link " + tag());
        String page = "/incidents/" + incidentId;
        Csrf linkCsrf = officer.csrf(page);
        List<Integer> linkStatuses = Parallel.run(4,
                i -> officer.post(linkCsrf, page + "/ict-providers", Map.of("provider", providerId)).statusCode());
        assertEquals(1, linkStatuses.stream().filter(s -> s == 303).count(), linkStatuses.toString());
        assertEquals(3, linkStatuses.stream().filter(s -> s == 400).count(), linkStatuses.toString());
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> IncidentProvider.ofIncident(incidentId).size()));
    }

    @Inject
    ThirdPartyMigration migration;

    @Test
    void freeTextThirdPartiesBecomeOneProviderPerName() {
        Session officer = TestSupport.session("officer");
        String name = "Acme" + tag();
        Map<String, Object> first = IncidentFixtures.incidentForm("Acme outage");
        first.put("thirdParty", name);
        Map<String, Object> second = IncidentFixtures.incidentForm("Acme outage again");
        second.put("thirdParty", name.toLowerCase());
        long a = IncidentFixtures.record(officer, first);
        long b = IncidentFixtures.record(officer, second);
        // the form trims what it stores; older rows were not always trimmed
        QuarkusTransaction.requiringNew()
                .run(() -> Incident.<Incident>findById(b).thirdParty = name.toLowerCase() + " ");
        assertTrue(migration.migrate() >= 2);
        IctProvider provider = QuarkusTransaction.requiringNew().call(() -> IctProvider.byName(name));
        assertNotNull(provider);
        assertEquals(name, provider.name, "the first incident's spelling, trimmed");
        List<Long> linked = QuarkusTransaction.requiringNew().call(() -> IncidentProvider.ofProvider(provider)
                .stream().map(l -> l.incident.id).sorted().toList());
        assertEquals(List.of(a, b), linked);
        assertEquals(name.toLowerCase() + " ", QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>findById(b).thirdParty), "the free text is kept as it was");
        assertEquals(0, migration.migrate(), "a second run finds nothing left");
        assertEquals(1L, QuarkusTransaction.requiringNew()
                .call(() -> IctProvider.count("nameKey", IctProvider.keyOf(name))));
    }

    @Test
    void twoInstancesMigratingAtOnceMakeOneProviderAndOneLinkEach() {
        Session officer = TestSupport.session("officer");
        String name = "Parallel vendor " + tag();
        List<Long> incidents = new java.util.ArrayList<>();
        for (String spelling : List.of(name, name.toUpperCase(), name.toLowerCase())) {
            Map<String, Object> form = IncidentFixtures.incidentForm("Vendor outage");
            form.put("thirdParty", spelling);
            incidents.add(IncidentFixtures.record(officer, form));
        }
        List<Integer> linked = Parallel.run(3, i -> migration.migrate());
        assertTrue(linked.stream().mapToInt(Integer::intValue).sum() >= 3, linked.toString());
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(1L, IctProvider.count("nameKey", IctProvider.keyOf(name)));
            for (long id : incidents) {
                assertEquals(1, IncidentProvider.ofIncident(id).size(), "one link per incident");
            }
        });
    }

    @Test
    void theExampleHasOneCrowdStrikeProviderAndItsCriticalContract() {
        migration.migrate();
        QuarkusTransaction.requiringNew().run(() -> {
            List<IctProvider> crowdStrike = IctProvider.list("nameKey like ?1", "%crowdstrike%");
            assertEquals(1, crowdStrike.size(), "the seed and the migration make one provider");
            IctProvider provider = crowdStrike.get(0);
            assertEquals(null, provider.lei, "no LEI invented");
            IctContract contract = IctContract.byReference(ExampleIctRegister.CONTRACT);
            assertEquals(provider, contract.provider);
            assertEquals(List.of("CUSTODY", "ONLINE", "SEPA-PAY"),
                    contract.servicesByCode().stream().map(s -> s.code).toList());
            assertTrue(contract.critical());
            assertTrue(contract.exitPlan && !contract.exitPlanTested());
            Incident incident = Incident.findByReference(ExampleCase.REFERENCE);
            List<IncidentProvider> links = IncidentProvider.ofIncident(incident.id);
            assertEquals(1, links.size());
            assertEquals(contract, links.get(0).contract);
        });
        TestSupport.session("auditor").request().get("/ict-providers").then().statusCode(200)
                .body(containsString("CrowdStrike, Inc.")).body(containsString("id=\"ict-kri-share\""));
        long crowdStrike = QuarkusTransaction.requiringNew()
                .call(() -> IctProvider.<IctProvider>find("nameKey like ?1", "%crowdstrike%").firstResult().id);
        TestSupport.session("auditor").request().get("/ict-providers/" + crowdStrike).then().statusCode(200)
                .body(containsString("id=\"lei-missing\"")).body(containsString(ExampleIctRegister.CONTRACT))
                .body(containsString("INC-2024-0719-01")).body(containsString("id=\"dependencies\""));
    }

    @Test
    void theExportsFollowTheTemplatesColumns() throws Exception {
        Session auditor = TestSupport.session("auditor");
        String providers = auditor.request().get("/ict-providers/b05-01.csv").then().statusCode(200)
                .header("Content-Type", containsString("text/csv")).extract().asString().replace("\uFEFF", "");
        assertTrue(providers.startsWith("c0010,c0020,c0050,c0060,c0070,c0080,c0090,c0100"), providers);
        assertTrue(providers.contains("\"CrowdStrike, Inc.\",\"CrowdStrike, Inc.\",\"Legal person, excluding individual"
                + " acting in a business capacity\",US,EUR,420000.00"), providers);
        String functions = auditor.request().get("/ict-providers/b02-02.csv").then().statusCode(200).extract()
                .asString().replace("\uFEFF", "");
        assertTrue(functions.startsWith("c0010,c0020,c0030,c0040,c0050,c0060,c0070,c0080"), functions);
        for (String code : List.of("CUSTODY", "ONLINE", "SEPA-PAY")) {
            assertTrue(functions.contains(ExampleIctRegister.CONTRACT + ",,,," + code + ",S04,2022-04-01,9999-12-31"),
                    functions);
        }
        String assessments = auditor.request().get("/ict-providers/b07-01.csv").then().statusCode(200).extract()
                .asString().replace("\uFEFF", "");
        assertTrue(assessments.startsWith("c0010,c0020,c0030,c0040,c0050,c0080\r\n")
                || assessments.startsWith("c0010,c0020,c0030,c0040,c0050,c0080\n"), assessments);
        // one row per arrangement (no function identifier in B_07.01); CrowdStrike has no LEI, so c0020/c0030 empty
        assertEquals(1, assessments.lines().filter(l -> l.startsWith(ExampleIctRegister.CONTRACT + ",")).count(),
                assessments);
        assertTrue(assessments.contains(ExampleIctRegister.CONTRACT + ",,,S04,Highly complex substitutability,Yes"),
                assessments);
        byte[] assessmentBook = auditor.request().get("/ict-providers/b07-01.xlsx").then().statusCode(200).extract()
                .asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(assessmentBook))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> codes = new java.util.ArrayList<>();
            sheet.getRow(1).forEach(cell -> codes.add(cell.getStringCellValue()));
            assertEquals(List.of("c0010", "c0020", "c0030", "c0040", "c0050", "c0080"), codes);
            assertEquals("Existence of an exit plan", sheet.getRow(0).getCell(5).getStringCellValue());
        }
        byte[] xlsx = auditor.request().get("/ict-providers/b02-01.xlsx").then().statusCode(200)
                .header("Content-Type", containsString("spreadsheetml")).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("Contractual arrangement reference number", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("c0010", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("c0050", sheet.getRow(1).getCell(3).getStringCellValue());
            boolean found = false;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                if (ExampleIctRegister.CONTRACT.equals(sheet.getRow(r).getCell(0).getStringCellValue())) {
                    assertEquals("Standalone arrangement", sheet.getRow(r).getCell(1).getStringCellValue());
                    assertEquals("EUR", sheet.getRow(r).getCell(2).getStringCellValue());
                    assertEquals(420000.0, sheet.getRow(r).getCell(3).getNumericCellValue());
                    found = true;
                }
            }
            assertTrue(found);
        }
        TestSupport.session("admin").request().get("/ict-providers/b05-01.csv").then().statusCode(403);
    }
}
