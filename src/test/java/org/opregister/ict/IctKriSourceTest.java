package org.opregister.ict;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.core.AppClock;
import org.opregister.kri.KriFixtures;
import org.opregister.kri.KriValue;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The computed KRI ICT_CONCENTRATION follows the register: a new critical function on one provider moves it. */
@QuarkusTest
class IctKriSourceTest {

    @Test
    void theKriFollowsTheRegister() {
        Session officer = TestSupport.session("officer");
        String period = AppClock.today().toString().substring(0, 7);
        Map<String, Object> form = KriFixtures.kriForm("Critical functions on one ICT provider", "HIGHER_IS_WORSE",
                "20", "50");
        form.put("source", "ICT_CONCENTRATION");
        form.put("valuesFrom", period);
        form.put("eventCategory", "EXECUTION_DELIVERY_PROCESS");
        officer.post("/kris/new", "/kris", form).then().statusCode(400)
                .body(containsString("no event-type or business-line filter"));
        form.remove("eventCategory");
        long kri = KriFixtures.define(officer, form);

        IctKri.Figure before = QuarkusTransaction.requiringNew().call(() -> IctKri.measure(IctContract.register()));
        assertEquals(0, before.share().compareTo(KriFixtures.value(kri, period).value), "defined with today's share");

        // a new critical function, supported by one provider whose exit plan was never tested
        Session manager = TestSupport.session("manager");
        String code = "K" + System.nanoTime() % 1_000_000_000L;
        manager.post("/services/new", "/services", Map.of("code", code, "name", "Trade finance", "functionName",
                "Trade finance", "criticalOrImportant", "true")).then().statusCode(303);
        long serviceId = QuarkusTransaction.requiringNew().call(() -> BusinessService.byCode(code).id);
        int concentrated = before.concentrated();
        int counted = before.counted() + 1;
        assertEquals(share(concentrated, counted), KriFixtures.value(kri, period).value.setScale(2),
                "one more critical function, supported by no contract: counted only");

        String providerLocation = officer.post("/ict-providers/new", "/ict-providers",
                Map.of("name", "Trade platform " + code, "personType", "LEGAL_PERSON")).then().statusCode(303)
                .extract().header("Location");
        long providerId = Long.parseLong(providerLocation.substring(providerLocation.lastIndexOf('/') + 1));
        officer.post("/ict-providers/" + providerId + "/contracts/new", "/ict-providers/" + providerId + "/contracts",
                Map.of("reference", "TF-" + code, "startDate", "2024-01-01", "serviceType", "S19",
                        "substitutability", "NOT_SUBSTITUTABLE", "services", List.of(serviceId)))
                .then().statusCode(303);
        KriValue after = KriFixtures.value(kri, period);
        assertEquals(share(concentrated + 1, counted), after.value.setScale(2),
                "the new function rests on one provider with no tested exit plan");
    }

    private static BigDecimal share(int concentrated, int counted) {
        return BigDecimal.valueOf(concentrated * 100L).divide(BigDecimal.valueOf(counted), 2, RoundingMode.HALF_UP);
    }
}
