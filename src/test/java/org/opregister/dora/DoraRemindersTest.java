package org.opregister.dora;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.Parallel;
import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.ict.BusinessService;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reminders one hour before a report's time limit, to the owner and the managers, once across instances. */
@QuarkusTest
class DoraRemindersTest {

    @Inject
    DoraReminders reminders;

    @Inject
    MockMailbox mailbox;

    @Test
    void remindedOnceAnHourBeforeTheTimeLimit() {
        Session officer = TestSupport.session("officer");
        long id = IncidentFixtures.record(officer, "DORA reminder target");
        long service = QuarkusTransaction.requiringNew().call(() -> BusinessService.byCode("ONLINE").id);
        // 10:00 in Paris (CET) is 09:00 UTC: the initial notification is due at 13:00 UTC.
        officer.post("/account/password", "/dora/incidents/" + id, Map.of("ictRelated", "true", "awareAt",
                "2032-03-10T10:00", "classifiedAt", "2032-03-10T10:00", "services", List.of(service),
                "mediaCoverage", "true", "memberStates", "DE FR")).then().statusCode(303);
        String reference = QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>findById(id).reference);
        mailbox.clear();

        assertEquals(0, reminders.send(Instant.parse("2032-03-10T11:59:00Z")), "more than an hour before");
        Instant hourBefore = Instant.parse("2032-03-10T12:30:00Z");
        int recipients = QuarkusTransaction.requiringNew().call(() -> reminders.reminders(hourBefore)).size();
        assertTrue(recipients >= 3, "the owner and the managers: " + recipients);
        List<Integer> sent = Parallel.run(2, i -> reminders.send(hourBefore));
        assertEquals(recipients, sent.stream().mapToInt(Integer::intValue).sum(), "two instances: each sent once");
        assertEquals(0, reminders.send(Instant.parse("2032-03-10T12:45:00Z")), "sent already");
        List<Mail> toOfficer = mailbox.getMailsSentTo("officer@example.test");
        assertEquals(1, toOfficer.size(), "the officer who recorded the DORA record stands for the owner");
        assertTrue(toOfficer.get(0).getSubject().contains(reference));
        assertTrue(toOfficer.get(0).getText().contains("2032-03-10 14:00 Europe/Paris"));
        assertEquals(1, mailbox.getMailsSentTo("manager@example.test").size());
        assertEquals(0, reminders.send(Instant.parse("2032-03-10T13:30:00Z")), "past the time limit: no reminder");
    }
}
