package org.opregister.kri;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;
import org.opregister.incident.LossEntry;
import org.opregister.incident.RecoveryStatus;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** KRIs computed from the register agree with the register, and follow it when it changes. */
@QuarkusTest
class ComputedKriTest {

    @Test
    void incidentCountPerMonthMatchesTheRegisterAndFollowsIt() {
        Session officer = TestSupport.session("officer");
        Map<String, Object> form = KriFixtures.kriForm("Fraud incidents per month", "HIGHER_IS_WORSE", "2", "5");
        form.put("unit", "incidents");
        form.put("source", "INCIDENT_COUNT");
        form.put("eventCategory", "EXTERNAL_FRAUD");
        form.put("businessLine", "RETAIL_BROKERAGE");
        form.put("valuesFrom", "2023-01");
        long kri = KriFixtures.define(officer, form);
        assertEquals(expectedCount(LocalDate.of(2023, 2, 1)), value(kri, "2023-02"));

        long before = expectedCount(LocalDate.of(2023, 2, 1));
        Map<String, Object> incident = IncidentFixtures.incidentForm("Card skimming ring");
        incident.put("eventCategory", "EXTERNAL_FRAUD");
        incident.put("eventType", "EXTERNAL_THEFT_AND_FRAUD");
        incident.put("businessLine", "RETAIL_BROKERAGE");
        incident.put("occurrenceDate", "2023-02-01");
        incident.put("discoveryDate", "2023-02-14");
        long id = IncidentFixtures.record(officer, incident);
        assertEquals(before + 1, expectedCount(LocalDate.of(2023, 2, 1)));
        assertEquals(before + 1, value(kri, "2023-02"), "the KRI follows the new incident once its recompute ran");

        Map<String, Object> moved = IncidentFixtures.incidentForm("Card skimming ring");
        moved.putAll(incident);
        moved.put("discoveryDate", "2023-03-02");
        moved.put("version", IncidentFixtures.version(officer, id));
        officer.post("/incidents/" + id + "/edit", "/incidents/" + id, moved).then().statusCode(303);
        assertEquals(before, value(kri, "2023-02"));
        assertEquals(expectedCount(LocalDate.of(2023, 3, 1)), value(kri, "2023-03"));
        officer.request().get("/kris/" + kri).then().statusCode(200).body(containsString("Computed from the register"))
                .body(containsString("id=\"kri-computed-lag\""));
        officer.post(KriFixtures.FORM_PAGE, "/kris/" + kri + "/values", Map.of("period", "2023-04", "value", "1"))
                .then().statusCode(409).body(containsString("computed from the register"));
    }

    @Test
    void netLossPerMonthIsGrossLessRecoveriesByAccountingMonth() {
        Session officer = TestSupport.session("officer");
        Map<String, Object> form = KriFixtures.kriForm("Agency net loss", "HIGHER_IS_WORSE", "1000", "5000");
        form.put("unit", "EUR");
        form.put("source", "NET_LOSS");
        form.put("businessLine", "AGENCY_SERVICES");
        form.put("valuesFrom", "2022-01");
        long kri = KriFixtures.define(officer, form);
        BigDecimal before = expectedNetLoss(LocalDate.of(2022, 5, 1));

        Map<String, Object> incident = IncidentFixtures.incidentForm("Custody fee mis-billing");
        incident.put("businessLine", "AGENCY_SERVICES");
        incident.put("occurrenceDate", "2022-04-20");
        incident.put("discoveryDate", "2022-04-28");
        long id = IncidentFixtures.record(officer, incident);
        IncidentFixtures.addLoss(officer, id,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "8000", "EUR", "1", "2022-05-10"));
        IncidentFixtures.addLoss(officer, id,
                IncidentFixtures.lossForm("INSURANCE_RECOVERY", "2500", "EUR", "1", "2022-05-20"));
        IncidentFixtures.addLoss(officer, id, IncidentFixtures.lossForm("PROVISION", "900", "EUR", "1", "2022-05-21"));

        BigDecimal expected = before.add(new BigDecimal("6400"));
        assertEquals(0, expected.compareTo(expectedNetLoss(LocalDate.of(2022, 5, 1))));
        KriValue may = KriFixtures.value(kri, "2022-05");
        assertEquals(0, expected.compareTo(may.value),
                "net loss = 8000 charged + 900 provided - 2500 recovered (OPE25)");
        assertEquals(KriStatus.RED, may.status);
        KriBreach breach = KriFixtures.breaches(kri).stream()
                .filter(b -> b.firstPeriod.equals(LocalDate.of(2022, 5, 1))).findFirst().orElseThrow();
        assertEquals(0, expected.compareTo(breach.firstValue));
        assertEquals(BreachStatus.CLOSED, breach.status, "June has no such loss: back to green");
        assertEquals(LocalDate.of(2022, 6, 1), breach.recoveredPeriod);
    }

    private static long value(long kri, String period) {
        return KriFixtures.value(kri, period).value.longValueExact();
    }

    private static long expectedCount(LocalDate month) {
        return QuarkusTransaction.requiringNew().call(() -> Incident.count(
                "eventCategory = ?1 and businessLine = ?2 and discoveryDate >= ?3 and discoveryDate < ?4",
                EventCategory.EXTERNAL_FRAUD, BusinessLine.RETAIL_BROKERAGE, month, month.plusMonths(1)));
    }

    private static BigDecimal expectedNetLoss(LocalDate month) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BigDecimal total = BigDecimal.ZERO;
            for (LossEntry line : LossEntry.<LossEntry>list("incident.businessLine = ?1 and accountingDate >= ?2"
                    + " and accountingDate < ?3", BusinessLine.AGENCY_SERVICES, month, month.plusMonths(1))) {
                // OPE25: provisions are inside gross loss; only received recoveries reduce it.
                if (line.type.isRecovery()) {
                    total = line.recoveryStatus == RecoveryStatus.RECEIVED
                            ? total.subtract(line.reportingAmount)
                            : total;
                } else {
                    total = total.add(line.reportingAmount.multiply(BigDecimal.valueOf(line.type.grossSign)));
                }
            }
            return total;
        });
    }
}
