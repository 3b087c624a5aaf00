package org.opregister.seed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.action.ActionPlan;
import org.opregister.action.ActionStatus;
import org.opregister.action.SourceType;
import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditEntry;
import org.opregister.audit.ChainVerifier;
import org.opregister.controltest.AttestationCampaign;
import org.opregister.controltest.ControlTest;
import org.opregister.controltest.RoundStatus;
import org.opregister.controltest.TestStatus;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentStatus;
import org.opregister.incident.LedgerTotals;
import org.opregister.incident.LossEntry;
import org.opregister.incident.LossType;
import org.opregister.incident.RecoveryStatus;
import org.opregister.kri.BreachStatus;
import org.opregister.kri.Kri;
import org.opregister.kri.KriBreach;
import org.opregister.kri.KriFrequency;
import org.opregister.kri.KriRisk;
import org.opregister.kri.KriStatus;
import org.opregister.kri.KriValue;
import org.opregister.rcsa.AssessmentCampaign;
import org.opregister.rcsa.AssessmentStatus;
import org.opregister.rcsa.AssessmentTask;
import org.opregister.rcsa.CampaignStatus;
import org.opregister.risk.Risk;
import org.opregister.security.User;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worked example and the demo accounts: present on first start, applied once, never overwriting. */
@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demoData;

    @Test
    void instancesStartingTogetherSeedOneAfterTheOther() {
        long users = QuarkusTransaction.requiringNew().call(() -> User.count());
        // As on a database no instance has finished seeding: the demo accounts' seed is not marked applied yet.
        QuarkusTransaction.requiringNew().run(() -> SeedRun.deleteById(DemoData.USERS));
        List<String> failures = org.opregister.Parallel.run(3, i -> {
            try {
                demoData.seed();
                return null;
            } catch (RuntimeException e) {
                return e.toString();
            }
        });
        assertEquals(java.util.Arrays.asList(null, null, null), failures);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> SeedRun.applied(DemoData.USERS)));
        assertEquals(users, QuarkusTransaction.requiringNew().call(() -> User.count()));
    }

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
                assertEquals(1,
                        LossEntry.count("incident = ?1 and type in (org.opregister.incident.LossType.DIRECT_CHARGE,"
                                + " org.opregister.incident.LossType.EXTERNAL_EXPENSE) and description like ?2",
                                incident,
                                "LE-0" + event + " %"),
                        "LE-0" + event);
            }
            List<LossEntry> lines = LossEntry.forIncident(incident);
            Map<Integer, BigDecimal> netByYear = LedgerTotals.byAccountingPeriod(lines).stream()
                    .filter(LedgerTotals.Period::yearTotal)
                    .collect(Collectors.toMap(LedgerTotals.Period::year, p -> p.totals().net()));
            assertEquals(Map.of(2024, new BigDecimal("803500.00"), 2025, new BigDecimal("-162000.00")), netByYear,
                    "2024 carries the loss less the recalls; the insurance received in 2025 adjusts 2025");
            LossEntry insurance = lines.stream().filter(l -> l.type == LossType.INSURANCE_RECOVERY).findFirst()
                    .orElseThrow();
            assertTrue(insurance.postClosure, "booked as received after the incident was closed");
            assertEquals(RecoveryStatus.RECEIVED, insurance.recoveryStatus);
            assertEquals(BusinessLine.AGENCY_SERVICES,
                    lines.stream().filter(l -> l.description.startsWith("LE-04")).findFirst()
                            .orElseThrow().businessLine);
            assertEquals(BusinessLine.PAYMENT_AND_SETTLEMENT,
                    lines.stream().filter(l -> l.description.startsWith("LE-02")).findFirst()
                            .orElseThrow().businessLine);
        });
    }

    @Inject
    ChainVerifier verifier;

    @Test
    void exampleCaseHistoryTellsItsStoryBySeededEntries() {
        long id = QuarkusTransaction.requiringNew().call(() -> Incident.findByReference(ExampleCase.REFERENCE).id);
        List<AuditEntry> history = QuarkusTransaction.requiringNew().call(() -> AuditEntry.history("Incident", id));
        List<AuditEntry> story = history.stream().filter(e -> e.seeded).toList();
        assertTrue(story.size() >= 20, "the incident, its lines, links and workflow steps: " + story.size());
        assertTrue(story.stream().noneMatch(e -> e.username.equals("system")), "every step has its person");
        assertTrue(story.stream().allMatch(e -> e.occurredAt.isBefore(Instant.parse("2025-04-01T00:00:00Z"))));
        for (int i = 1; i < history.size(); i++) {
            assertTrue(!history.get(i).occurredAt.isAfter(history.get(i - 1).occurredAt), "newest first by time");
        }

        AuditEntry recorded = story.get(story.size() - 1);
        assertEquals(AuditAction.CREATE, recorded.action);
        assertEquals("Incident", recorded.recordType);
        assertEquals("officer", recorded.username);
        assertEquals(Instant.parse("2024-07-19T04:48:00Z"), recorded.occurredAt);
        assertEquals(
                List.of("officer:OPEN", "officer:UNDER_REVIEW", "manager:OPEN", "officer:UNDER_REVIEW",
                        "manager2:CLOSED"),
                oldestFirst(story).stream().filter(e -> "Incident".equals(e.recordType))
                        .flatMap(e -> e.changeList().stream()
                                .filter(c -> c.field().equals("status") && c.oldValue() != null)
                                .map(c -> e.username + ":" + c.newValue()))
                        .toList(),
                "opened, submitted, returned, submitted again, closed by a second manager");
        AuditEntry returned = story.stream().filter(e -> "manager".equals(e.username)).findFirst().orElseThrow();
        assertEquals(ExampleCase.RETURN_REASON, returned.details);
        assertEquals(7,
                story.stream().filter(e -> "LossEntry".equals(e.recordType) && e.action == AuditAction.CREATE).count());
        // Five risks and five controls, unless a test removed the example and recorded it again without them.
        long links = QuarkusTransaction.requiringNew()
                .call(() -> org.opregister.risk.IncidentRisk.count("incident.id", id)
                        + org.opregister.control.IncidentControl.count("incident.id", id));
        assertEquals(links, story.stream().filter(e -> e.recordType.startsWith("Incident") && e.recordType.length() > 8
                && e.username.equals("officer") && e.occurredAt.equals(Instant.parse("2024-08-07T10:20:00Z"))).count());
        assertTrue(verifier.verify().intact(), "seeded entries are part of the chain");
        assertEquals(0,
                QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("seeded = true and recordType not in"
                        + " ('Incident', 'LossEntry', 'IncidentRisk', 'IncidentControl', 'IncidentProvider')")),
                "only the story is seeded");

        TestSupport.session("auditor").request().get("/incidents/" + id + "/history").then().statusCode(200)
                .body(containsString("2024-07-19 04:48:00 UTC"))
                .body(containsString("by manager2"))
                .body(containsString("Seeded example"))
                .body(containsString(ExampleCase.RETURN_REASON.substring(0, 40)))
                .body(not(containsString("by system")));
    }

    private static List<AuditEntry> oldestFirst(List<AuditEntry> newestFirst) {
        List<AuditEntry> entries = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(entries);
        return entries;
    }

    @Test
    void seedingAgainChangesNothingAndKeepsUserEdits() {
        QuarkusTransaction.requiringNew().run(() -> {
            Incident.findByReference(ExampleCase.REFERENCE).owner = "Edited by a user";
            User.findByUsername("auditor").orElseThrow().displayName = "Renamed auditor";
        });
        long incidents = QuarkusTransaction.requiringNew().call(() -> Incident.count());
        long users = QuarkusTransaction.requiringNew().call(() -> User.count());
        long campaigns = QuarkusTransaction.requiringNew().call(() -> AssessmentCampaign.count());

        demoData.seed();
        demoData.seed();

        assertEquals(incidents, QuarkusTransaction.requiringNew().call(() -> Incident.count()));
        assertEquals(users, QuarkusTransaction.requiringNew().call(() -> User.count()));
        assertEquals(campaigns, QuarkusTransaction.requiringNew().call(() -> AssessmentCampaign.count()));
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals("Edited by a user", Incident.findByReference(ExampleCase.REFERENCE).owner);
            assertEquals("Renamed auditor", User.findByUsername("auditor").orElseThrow().displayName);
            assertEquals(1, Incident.count("reference", ExampleCase.REFERENCE));
        });
    }

    @Test
    void exampleCampaignsShowTheRatingsBeforeAndAfterTheOutage() {
        QuarkusTransaction.requiringNew().run(() -> {
            AssessmentCampaign june = AssessmentCampaign.findByReference("RCSA-2024-0001");
            AssessmentCampaign after = AssessmentCampaign.findByReference("RCSA-2024-0002");
            assertEquals(CampaignStatus.COMPLETED, june.status);
            assertEquals(CampaignStatus.COMPLETED, after.status);
            assertTrue(after.title.contains("19 July 2024"));
            assertEquals(5, june.progress().approved());
            assertEquals(5, after.progress().total());
            assertTrue(after.progress().complete());

            Risk vendorUpdate = Risk.find("title = ?1 and orgUnit = ?2", "Vendor update causes mass outage",
                    ExampleRisks.ORG_UNIT).firstResult();
            List<AssessmentTask> history = AssessmentTask.ofRisk(vendorUpdate);
            assertEquals(2, history.size());
            AssessmentTask reassessment = history.get(0);
            assertEquals(after.id, reassessment.campaign.id);
            assertEquals(AssessmentStatus.APPROVED, reassessment.status);
            assertEquals(5, reassessment.beforeResidual().score(), "June 2024: 1 x 5");
            assertEquals(10, reassessment.residual().score(), "after the outage: 2 x 5, as in seed-case.md");
            assertEquals(15, reassessment.inherent().score());
            assertEquals(vendorUpdate.residualScore, reassessment.residual().score(),
                    "the approved ratings are current");
            assertNotEquals(reassessment.review.submittedBy, reassessment.review.reviewedBy);
            assertEquals("officer", vendorUpdate.assessor);
        });
    }

    @Test
    void exampleKrisCarryTheirMonthlyValuesAndBreaches() {
        QuarkusTransaction.requiringNew().run(() -> {
            Kri staged = Kri.find("name", "Critical servers on a staged content ring").firstResult();
            List<KriValue> values = KriValue.of(staged);
            assertEquals(6, values.size());
            assertEquals(
                    List.of(KriStatus.RED, KriStatus.RED, KriStatus.RED, KriStatus.RED, KriStatus.AMBER,
                            KriStatus.GREEN),
                    values.stream().map(v -> v.status).toList(), "K1: >=95 green, 80-95 amber, <80 red");
            List<KriBreach> breaches = KriBreach.of(staged);
            assertEquals(1, breaches.size());
            assertEquals(BreachStatus.CLOSED, breaches.get(0).status);
            assertEquals(LocalDate.of(2024, 11, 1), breaches.get(0).recoveredPeriod);
            Kri recovery = Kri.find("name", "Minutes to recover a crashed endpoint").firstResult();
            assertEquals(KriFrequency.QUARTERLY, recovery.frequency, "K3 is measured at quarterly drills");
            assertEquals(List.of(KriStatus.AMBER, KriStatus.GREEN),
                    KriValue.of(recovery).stream().map(v -> v.status).toList(), "K3: Q3 48, Q4 26");
            assertEquals(4, Kri.count("description like ?1", "%Fictional example%"));
            assertEquals(List.of("EDR/OS vendor concentration"), KriRisk.risksOf(
                    Kri.<Kri>find("name", "Critical services on one vendor with no fallback").firstResult()).stream()
                    .map(r -> r.title).toList());
        });
    }

    @Test
    void exampleActionPlansStandAsAtTheEndOfMarch2025() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<ActionPlan> plans = ActionPlan.list("description like ?1 order by reference", "%Fictional example%");
            assertEquals(6, plans.size());
            assertEquals(4, plans.stream().filter(p -> p.status == ActionStatus.DONE).count());
            assertEquals(2, plans.stream().filter(p -> p.status == ActionStatus.IN_PROGRESS).count());
            ActionPlan rings = plans.stream().filter(p -> p.title.equals("Adopt vendor content-update rings"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(LocalDate.of(2024, 11, 30), rings.dueDate, "done once K1 left red (November), not before");
            assertNotEquals(rings.owner, rings.review.reviewedBy, "closed by a manager who is not the owner");
            assertEquals(
                    java.util.Set.of(SourceType.INCIDENT, SourceType.RISK, SourceType.CONTROL, SourceType.KRI_BREACH),
                    rings.sources().stream().map(s -> s.type).collect(java.util.stream.Collectors.toSet()));
            assertTrue(User.findByUsername("officer").orElseThrow().email.endsWith("@example.test"));
        });
    }

    @Test
    void exampleControlTestsAndCertificationAreRecorded() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<ControlTest> tests = ControlTest.list("procedure like ?1 order by reference", "%Fictional example%");
            assertEquals(6, tests.size());
            assertEquals(5, tests.stream().filter(t -> t.result.failed()).count(), "five of six controls failed");
            assertTrue(
                    tests.stream()
                            .allMatch(t -> t.status == TestStatus.SIGNED_OFF && !t.tester.equals(t.review.reviewedBy)));
            AttestationCampaign round = AttestationCampaign.find("title like ?1", "Key controls certification%")
                    .firstResult();
            assertEquals(RoundStatus.CLOSED, round.status);
            assertEquals(5, round.total());
            assertEquals(5, round.answered());
            assertEquals(4, round.exceptions(), "no certification of the controls the August tests found ineffective");
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
                org.opregister.control.IncidentControl.delete("incident", incident);
                org.opregister.ict.IncidentProvider.delete("incident", incident);
                incident.delete();
            });
            demoData.seed();
            assertEquals(0,
                    QuarkusTransaction.requiringNew().call(() -> Incident.count("reference", ExampleCase.REFERENCE)));
        } finally {
            QuarkusTransaction.requiringNew().run(exampleCase::record);
        }
    }
}
