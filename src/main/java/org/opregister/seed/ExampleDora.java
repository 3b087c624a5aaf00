package org.opregister.seed;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opregister.dora.DoraRecord;
import org.opregister.dora.DoraReport;
import org.opregister.dora.DoraService;
import org.opregister.dora.ReportStage;
import org.opregister.ict.BusinessService;
import org.opregister.incident.Incident;

/**
 * The DORA side of the example outage (fictional bank, hypothetical: DORA applies only from 17 January 2025):
 * ICT-related, aware at 04:21 UTC and classified major at 07:10 UTC on 19 July 2024, online banking, SEPA payments
 * and custody affected; the criteria from the case's own figures; the initial, intermediate (and its update) and
 * final reports recorded as submitted, each with its person and time (the records themselves are stamped "system"
 * like the other seeded examples; only the incident's own story is seeded step by step). Left alone when the
 * incident is missing or already has a DORA record.
 */
@ApplicationScoped
public class ExampleDora {

    static final String NAME = "example-dora-v1";

    @Inject
    DoraService dora;

    public void record() {
        Incident incident = Incident.findByReference(ExampleCase.REFERENCE);
        if (incident == null || DoraRecord.forIncident(incident.id) != null) {
            return;
        }
        DoraRecord r = new DoraRecord();
        r.incident = incident;
        r.ictRelated = true;
        r.occurredAt = Instant.parse("2024-07-19T04:09:00Z");
        r.detectedAt = Instant.parse("2024-07-19T04:21:00Z");
        r.awareAt = Instant.parse("2024-07-19T04:21:00Z");
        r.classifiedAt = Instant.parse("2024-07-19T07:10:00Z");
        r.recoveredAt = Instant.parse("2024-07-19T11:40:00Z");
        r.resolvedAt = Instant.parse("2024-07-24T16:00:00Z");
        for (String code : new String[]{ExampleServices.ONLINE_BANKING, ExampleServices.PAYMENTS,
                ExampleServices.CUSTODY}) {
            BusinessService service = BusinessService.byCode(code);
            if (service != null) {
                r.services.add(service);
            }
        }
        r.supervisedServices = true;
        r.criticalEvidence = "Online banking, SEPA payments and custody support critical or important functions;"
                + " payment and custody services are authorised and supervised.";
        r.clientsAffected = 210_000L;
        r.clientsEvidence = "210,000 clients without online banking for about 6 hours; 14,300 SEPA payments"
                + " delayed (shares of the daily averages not computed for the example).";
        r.mediaCoverage = true;
        r.reputationEvidence = "Worldwide media coverage of the outage, the bank named in national press.";
        r.durationEvidence = "Channel File 291 pushed 04:09 UTC; online banking back after about 6 hours, SEPA"
                + " payments restored 11:40 UTC: the services-recovered time, so the downtime is 7 h 31 min;"
                + " incident resolved 24 July 2024 (time of day assumed for the example).";
        r.memberStates = "AT DE NL";
        r.geographyEvidence = "Head office in Frankfurt, branches in the Netherlands and Austria affected.";
        r.dataAvailability = true;
        r.dataAdverse = false;
        r.dataEvidence = "Data unavailable during the outage, none lost or altered.";
        r.otherCosts = new BigDecimal("310000.00");
        r.costsEvidence = "EUR 310,000 forgone fees (memo of the case): DORA economic impact only, not a Basel"
                + " gross loss; plus the gross loss of the ledger (LE-01 to LE-05).";
        r.maliciousAccess = false;
        r.maliciousEvidence = "Not a cyberattack: a faulty vendor content update.";
        r.persist();
        dora.classify(r, Instant.parse("2024-07-19T07:10:00Z"), "officer");
        report(r, ReportStage.INITIAL, "2024-07-19T10:45:00Z", "officer", "EX-2024-0719-A (fictional)",
                "Initial notification: outage of online banking, SEPA payments and custody.");
        report(r, ReportStage.INTERMEDIATE, "2024-07-22T09:30:00Z", "officer", "EX-2024-0719-A (fictional)",
                "Intermediate report: services restored, recovery of endpoints ongoing.");
        report(r, ReportStage.INTERMEDIATE, "2024-07-24T17:00:00Z", "officer", "EX-2024-0719-A (fictional)",
                "Updated intermediate report: regular activities recovered.");
        report(r, ReportStage.FINAL, "2024-08-23T14:00:00Z", "manager", "EX-2024-0719-A (fictional)",
                "Final report: root cause (vendor content update), costs and losses, measures taken.");
    }

    private static void report(DoraRecord record, ReportStage stage, String at, String username, String reference,
            String note) {
        DoraReport report = new DoraReport();
        report.record = record;
        report.stage = stage;
        report.submittedAt = Instant.parse(at);
        report.submittedBy = username;
        report.authorityReference = reference;
        report.note = note;
        report.persist();
    }
}
