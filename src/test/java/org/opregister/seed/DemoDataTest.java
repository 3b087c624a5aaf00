package org.opregister.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opregister.incident.BusinessLine;
import org.opregister.incident.EventCategory;
import org.opregister.incident.EventType;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentStatus;
import org.opregister.incident.LossEntry;
import org.opregister.security.User;

/** The worked example and the demo accounts: present on first start, applied once, never overwriting. */
@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demoData;

    @Test
    void exampleCaseIsRecordedWithItsFiveLossEvents() {
        QuarkusTransaction.requiringNew().run(() -> {
            Incident incident = Incident.findByReference(ExampleCase.REFERENCE);
            assertEquals(IncidentStatus.CLOSED, incident.status);
            assertEquals(EventCategory.BUSINESS_DISRUPTION, incident.eventCategory);
            assertEquals(EventType.SYSTEMS, incident.eventType);
            assertEquals(BusinessLine.RETAIL_BANKING, incident.businessLine);
            assertEquals(LocalDate.of(2024, 7, 19), incident.occurrenceDate);
            assertEquals(LocalDate.of(2024, 7, 24), incident.closureDate);
            assertTrue(incident.description.startsWith("FICTIONAL EXAMPLE."));
            assertTrue(incident.description.contains("8.5 million"));
            assertTrue(incident.thirdParty.contains("CrowdStrike"));
            assertEquals(new BigDecimal("2001500.00"), incident.grossLoss);
            assertEquals(new BigDecimal("1360000.00"), incident.recoveries);
            assertEquals(new BigDecimal("641500.00"), incident.netLoss);
            assertEquals(7, LossEntry.count("incident", incident));
            for (int event = 1; event <= 5; event++) {
                assertEquals(1, LossEntry.count("incident = ?1 and type = org.opregister.incident.LossType.GROSS_LOSS"
                        + " and description like ?2", incident, "LE-0" + event + " %"), "LE-0" + event);
            }
        });
    }

    @Test
    void seedingAgainChangesNothingAndKeepsUserEdits() {
        QuarkusTransaction.requiringNew().run(() -> {
            Incident.findByReference(ExampleCase.REFERENCE).owner = "Edited by a user";
            User.findByUsername("auditor").orElseThrow().displayName = "Renamed auditor";
        });
        long incidents = QuarkusTransaction.requiringNew().call(() -> Incident.count());
        long users = QuarkusTransaction.requiringNew().call(() -> User.count());

        demoData.seed();
        demoData.seed();

        assertEquals(incidents, QuarkusTransaction.requiringNew().call(() -> Incident.count()));
        assertEquals(users, QuarkusTransaction.requiringNew().call(() -> User.count()));
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals("Edited by a user", Incident.findByReference(ExampleCase.REFERENCE).owner);
            assertEquals("Renamed auditor", User.findByUsername("auditor").orElseThrow().displayName);
            assertEquals(1, Incident.count("reference", ExampleCase.REFERENCE));
        });
    }

    @Inject
    ExampleCase exampleCase;

    @Test
    void aRemovedExampleIsNotRecordedAgain() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Incident incident = Incident.findByReference(ExampleCase.REFERENCE);
                LossEntry.delete("incident", incident);
                org.opregister.risk.IncidentRisk.delete("incident", incident);
                org.opregister.risk.IncidentControl.delete("incident", incident);
                incident.delete();
            });
            demoData.seed();
            assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Incident.count("reference", ExampleCase.REFERENCE)));
        } finally {
            QuarkusTransaction.requiringNew().run(exampleCase::record);
        }
    }
}
