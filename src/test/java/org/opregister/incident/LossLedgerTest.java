package org.opregister.incident;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opregister.incident.IncidentFixtures.addLoss;
import static org.opregister.incident.IncidentFixtures.lossForm;

/** The loss ledger: lines, FX conversion, net loss = gross − recoveries, near-miss rule, corrections. */
@QuarkusTest
class LossLedgerTest {

    private Session officer;

    @BeforeEach
    void signIn() {
        officer = TestSupport.session("officer");
    }

    @Test
    void netLossIsGrossMinusRecoveriesInTheReportingCurrency() {
        long id = IncidentFixtures.record(officer, "Ledger");
        addLoss(officer, id, lossForm("DIRECT_CHARGE", "100000.00", "EUR", "1", "2025-03-31"));
        addLoss(officer, id, lossForm("DIRECT_CHARGE", "20000", "USD", "0.9250", "2025-04-15"));
        addLoss(officer, id, lossForm("INSURANCE_RECOVERY", "30000", "EUR", "", "2025-06-30"));
        addLoss(officer, id, lossForm("OTHER_RECOVERY", "1000.5", "EUR", "1", "2025-06-30"));
        addLoss(officer, id, lossForm("PROVISION", "5000", "EUR", "1", "2025-03-31"));

        Incident incident = IncidentTestData.find(id);
        assertEquals(new BigDecimal("123500.00"), incident.grossLoss, "provisions are inside gross loss (OPE25)");
        assertEquals(new BigDecimal("31000.50"), incident.recoveries);
        assertEquals(new BigDecimal("92499.50"), incident.netLoss);
        assertEquals(new BigDecimal("5000.00"), incident.provisions);
        officer.request().get("/incidents/" + id).then()
                .body(containsString("92,499.50 EUR"))
                .body(containsString("20,000.00 USD"));
    }

    @Test
    void linesCanBeCorrectedAndRemoved() {
        long id = IncidentFixtures.record(officer, "Corrections");
        addLoss(officer, id, lossForm("DIRECT_CHARGE", "500", "EUR", "1", "2025-03-31"));
        LossEntry line = lines(id).get(0);

        Map<String, Object> corrected = lossForm("DIRECT_CHARGE", "750", "EUR", "1", "2025-04-01");
        corrected.put("version", line.version);
        String page = "/incidents/" + id + "/losses/" + line.id + "/edit";
        officer.request().get(page).then().statusCode(200).body(containsString("value=\"500.00\""));
        officer.post(page, "/incidents/" + id + "/losses/" + line.id, corrected).then().statusCode(303);
        assertEquals(new BigDecimal("750.00"), IncidentTestData.find(id).netLoss);

        // The same stale version again: refused, the user's values kept on the form.
        officer.post(page, "/incidents/" + id + "/losses/" + line.id, corrected).then().statusCode(409)
                .body(containsString("Someone else saved this record"));

        long version = lines(id).get(0).version;
        officer.post("/incidents/" + id, "/incidents/" + id + "/losses/" + line.id + "/delete",
                Map.of("version", version))
                .then().statusCode(303);
        assertEquals(0, IncidentTestData.lossCount(id));
        assertEquals(new BigDecimal("0.00"), IncidentTestData.find(id).netLoss);
    }

    @Test
    void badAmountsCurrenciesAndRatesAreRejectedWithoutChange() {
        long id = IncidentFixtures.record(officer, "Bad lines");
        String[][] cases = {
                {"-5", "EUR", "1", "Must be greater than 0"},
                {"0", "EUR", "1", "Must be greater than 0"},
                {"1.234,56", "EUR", "1", "Enter a number"},
                {"12.345", "EUR", "1", "At most 2 decimal places"},
                {"1e9", "EUR", "1", "Enter a number"},
                {"99999999999999999999", "EUR", "1", "Must be at most"},
                {"100", "XYZ", "1", "ISO 4217"},
                {"100", "euro", "1", "ISO 4217"},
                {"100", "MUR", "", "There is no FX rate from MUR into EUR on or before 2025-03-31"},
                {"100", "USD", "-1", "Must be greater than 0"},
                {"100", "EUR", "1.1", "so the FX rate is 1"},
        };
        for (String[] c : cases) {
            officer.post("/incidents/" + id, "/incidents/" + id + "/losses",
                    lossForm("DIRECT_CHARGE", c[0], c[1], c[2], "2025-03-31"))
                    .then().statusCode(400).body(containsString(c[3]))
                    .body(containsString("value=\"" + c[0] + "\""));
        }
        officer.post("/incidents/" + id, "/incidents/" + id + "/losses",
                lossForm("WINDFALL", "1", "EUR", "1", "2025-03-31"))
                .then().statusCode(400);
        officer.post("/incidents/" + id, "/incidents/" + id + "/losses",
                lossForm("DIRECT_CHARGE", "1", "EUR", "1", "2025-01-01"))
                .then().statusCode(400).body(containsString("cannot be before the occurrence date"));
        assertEquals(0, IncidentTestData.lossCount(id));
    }

    @Test
    void nearMissesCarryNoLedgerLines() {
        Map<String, Object> form = IncidentFixtures.incidentForm("Near miss");
        form.put("nearMiss", "true");
        long id = IncidentFixtures.record(officer, form);
        officer.post("/incidents/" + id, "/incidents/" + id + "/losses",
                lossForm("DIRECT_CHARGE", "10", "EUR", "1", "2025-03-31"))
                .then().statusCode(400).body(containsString("A near miss caused no loss and carries no ledger lines"));
        officer.post("/incidents/" + id, "/incidents/" + id + "/losses",
                lossForm("OTHER_RECOVERY", "7000", "EUR", "1", "2025-03-31"))
                .then().statusCode(400).body(containsString("A near miss caused no loss"));
        assertEquals(0, IncidentTestData.lossCount(id));

        long other = IncidentFixtures.record(officer, "Has gross loss");
        addLoss(officer, other, lossForm("DIRECT_CHARGE", "10", "EUR", "1", "2025-03-31"));
        Map<String, Object> edit = IncidentFixtures.incidentForm("Has gross loss");
        edit.put("nearMiss", "true");
        edit.put("version", IncidentFixtures.version(officer, other));
        officer.post("/incidents/" + other + "/edit", "/incidents/" + other, edit).then().statusCode(400)
                .body(containsString("a near miss or a gain event carries none"));
    }

    @Test
    void lossLinesOfAnotherIncidentAreNotReachable() {
        long a = IncidentFixtures.record(officer, "Owner of the line");
        long b = IncidentFixtures.record(officer, "Other incident");
        addLoss(officer, a, lossForm("DIRECT_CHARGE", "10", "EUR", "1", "2025-03-31"));
        LossEntry line = lines(a).get(0);
        officer.request().get("/incidents/" + b + "/losses/" + line.id + "/edit").then().statusCode(404);
        officer.post("/incidents/" + b, "/incidents/" + b + "/losses/" + line.id + "/delete",
                Map.of("version", line.version))
                .then().statusCode(404);
        assertEquals(1, IncidentTestData.lossCount(a));
    }

    private static List<LossEntry> lines(long incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<LossEntry> list = LossEntry.list("incident.id = ?1 order by id", incidentId);
            list.forEach(LossEntry.getEntityManager()::detach);
            return list;
        });
    }
}
