package org.opregister.seed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opregister.core.Storyline;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentService;
import org.opregister.incident.IncidentStatus;
import org.opregister.incident.LossEntry;
import org.opregister.incident.LossType;
import org.opregister.incident.RateSource;
import org.opregister.incident.RecoveryStatus;
import org.opregister.incident.Severity;
import org.opregister.reference.LegalEntity;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.Cause;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

/**
 * The worked example: the CrowdStrike Channel File 291 outage of 19 July 2024 as recorded by the fictional
 * Example Mercantile Bank SE. Vendor facts are real and sourced; the bank and all its figures are invented,
 * and the record says so. Source: shared/design/seed-case.md.
 */
@ApplicationScoped
public class ExampleCase {

    static final String NAME = "example-case-crowdstrike-2024-v1";
    public static final String REFERENCE = "INC-2024-0719-01";

    @Inject
    IncidentService incidents;

    static final String DESCRIPTION = """
            FICTIONAL EXAMPLE. Example Mercantile Bank SE (Frankfurt head office, branches in the Netherlands and \
            Austria) is an invented bank; every figure about the bank below is invented for demonstration. \
            Only the facts about the vendor event are real, with their sources in brackets.

            What happened (real): on 19 July 2024 at 04:09 UTC CrowdStrike released a sensor content update, \
            Channel File 291: configuration content read by its kernel-mode sensor, not a new driver, adding two \
            new IPC template instances for Windows hosts running Falcon sensor 7.11 or later. Affected hosts crashed and stayed in a boot loop. The file was reverted at 05:27 UTC; hosts \
            that started after that, and Mac and Linux hosts, were not affected. CrowdStrike stated that it was not \
            a cyberattack [1][2]. Microsoft estimated on 20 July that about 8.5 million Windows devices, fewer \
            than 1% of all, were affected [4]. The unrelated Azure Central US outage of 18-19 July is a separate \
            event and is not part of this record [7].

            Root cause (real, CrowdStrike Root Cause Analysis of 6 August 2024): the IPC template type defined 21 \
            input fields while the sensor supplied 20; a new instance with a non-wildcard 21st field caused an \
            out-of-bounds read. A logic error in the Content Validator let the instances pass, and the update was \
            not rolled out in stages [2][3].

            Impact at the bank (fictional): detected 04:21 UTC; 3,400 of 9,800 endpoints and 260 servers crashed; \
            about 210,000 clients had no online banking for around 6 hours; 14,300 SEPA payments were delayed. \
            Classified as a major incident at 07:10 UTC; payments restored at 11:40 UTC; incident closed on \
            24 July 2024. Some hosts with good network connectivity recovered by themselves after repeated \
            reboots, picking up the reverted file; the others had to be repaired by hand (Safe Mode or WinRE, \
            delete C-00000291*.sys, reboot), which needed the BitLocker recovery keys [1][5].

            Regulatory note: DORA applies only from 17 January 2025. Under Delegated Regulation 2024/1772 the event \
            would be major: critical services affected and five criteria met (clients, reputation, downtime over \
            2 hours, two or more Member States, economic impact over EUR 100,000); data loss concerned availability \
            only [30]. Memo (fictional): EUR 310,000 of forgone fees counts towards DORA economic impact only and is \
            not a Basel gross loss, so it is not in the loss ledger.

            Sources: [1] crowdstrike.com/blog/technical-details-on-todays-outage; [2] CrowdStrike Preliminary Post \
            Incident Review, 24 July 2024 (crowdstrike.com/falcon-content-update-remediation-and-guidance-hub); \
            [3] CrowdStrike Channel File 291 Root Cause Analysis, 6 August 2024; [4] Microsoft, 20 July 2024, via \
            oodaloop.com; [5] Microsoft recovery tool, via newsisland.in; [7] azure.status.microsoft status history; \
            [30] eur-lex.europa.eu/eli/reg_del/2024/1772/oj.""";

    static final String ROOT_CAUSE = """
            Vendor side (real): field-count mismatch in the IPC template type (21 defined, 20 supplied) and no bounds \
            check; Content Validator logic error; tests used only a wildcard in field 21; no staged or canary \
            deployment; customers could not defer content updates, and N-1 sensor pinning did not delay them [2][3].
            Bank side (fictional): critical services depended on a single EDR vendor; no staged content rings; \
            BitLocker keys not available independently of the crashed estate; mass-recovery runbook incomplete; \
            manual payment fallback without duplicate check (led to a duplicate SEPA batch, loss event LE-02).""";

    /**
     * Recorded as it happened, so its history reads as a story an auditor can follow: the officer records and
     * opens it on the day, books the losses as they are known, submits it; a manager returns it because the
     * ledger is incomplete; another manager closes it once every loss event is booked. Each step is audited with
     * its person and time, marked as seeded.
     */
    public void record() {
        if (Incident.findByReference(REFERENCE) != null) {
            return;
        }
        Incident incident = new Incident();
        step("2024-07-19T04:48:00Z", "officer", null, () -> {
            incident.reference = REFERENCE;
            incident.title = "Endpoint outage after faulty CrowdStrike content update (Channel File 291)";
            incident.description = DESCRIPTION;
            incident.status = IncidentStatus.DRAFT;
            incident.severity = Severity.CRITICAL;
            incident.eventCategory = EventCategory.BUSINESS_DISRUPTION;
            incident.eventType = EventType.SYSTEMS;
            incident.businessLine = BusinessLine.RETAIL_BANKING;
            incident.orgUnit = "IT Operations, Frankfurt (fictional)";
            incident.owner = "Head of IT Operations (fictional)";
            incident.occurrenceDate = LocalDate.of(2024, 7, 19);
            incident.discoveryDate = LocalDate.of(2024, 7, 19);
            incident.reportingDate = LocalDate.of(2024, 7, 19);
            incident.causes = EnumSet.of(Cause.SYSTEMS, Cause.EXTERNAL, Cause.PROCESS);
            incident.thirdParty = "CrowdStrike, Inc. (Falcon endpoint security sensor)";
            incident.nearMiss = false;
            incident.legalEntity = LegalEntity.defaultEntity();
            incident.persist();
        });
        step("2024-07-19T07:15:00Z", "officer", null, () -> incident.status = IncidentStatus.OPEN);
        step("2024-07-22T16:20:00Z", "officer", null, () -> {
            loss(incident, LossType.DIRECT_CHARGE, "1260000.00", "2024-07-22", BusinessLine.PAYMENT_AND_SETTLEMENT,
                    "LE-02 Duplicate SEPA batch sent during manual fallback (discovered 22 Jul 2024; linked "
                            + "execution, delivery and process management effect of the same root event)");
            line(incident, LossType.OTHER_RECOVERY, RecoveryStatus.RECEIVED, "1198000.00", "2024-07-22",
                    BusinessLine.PAYMENT_AND_SETTLEMENT, "LE-02 Payments recalled from beneficiaries' banks");
        });
        step("2024-08-01T09:10:00Z", "officer", null,
                () -> loss(incident, LossType.EXTERNAL_EXPENSE, "412000.00", "2024-07-31", BusinessLine.RETAIL_BANKING,
                        "LE-01 Remediation contractors and overtime (occurred 19 Jul, discovered 19 Jul 2024)"));
        step("2024-08-07T10:30:00Z", "officer", null, () -> incident.rootCause = ROOT_CAUSE);
        step("2024-08-07T10:35:00Z", "officer", null, () -> submit(incident, "2024-08-07T10:35:00Z"));
        step("2024-08-08T14:02:00Z", "manager", RETURN_REASON, () -> {
            incident.review.decide("manager", Instant.parse("2024-08-08T14:02:00Z"), RETURN_REASON);
            incident.status = IncidentStatus.OPEN;
        });
        step("2024-08-30T11:00:00Z", "officer", null,
                () -> loss(incident, LossType.DIRECT_CHARGE, "186500.00", "2024-08-30", BusinessLine.RETAIL_BANKING,
                        "LE-03 Fee refunds and late-payment interest paid to clients (discovered 20 Jul 2024)"));
        step("2024-09-30T11:00:00Z", "officer", null,
                () -> loss(incident, LossType.DIRECT_CHARGE, "95000.00", "2024-09-30", BusinessLine.AGENCY_SERVICES,
                        "LE-04 Service-level penalty paid to a custody client (discovered 19 Jul 2024)"));
        step("2024-10-31T11:00:00Z", "officer", null,
                () -> loss(incident, LossType.EXTERNAL_EXPENSE, "48000.00", "2024-10-31", BusinessLine.RETAIL_BANKING,
                        "LE-05 External legal review of a claim against the vendor (discovered 5 Aug 2024)"));
        step("2024-11-04T09:00:00Z", "officer", null,
                () -> line(incident, LossType.INSURANCE_RECOVERY, RecoveryStatus.EXPECTED, "162000.00",
                        "2024-11-04", BusinessLine.RETAIL_BANKING, INSURANCE_CLAIM));
        step("2024-11-04T09:05:00Z", "officer", null, () -> submit(incident, "2024-11-04T09:05:00Z"));
        step("2024-11-06T16:30:00Z", "manager2", CLOSE_COMMENT, () -> {
            incident.closureDate = LocalDate.of(2024, 7, 24);
            incident.review.decide("manager2", Instant.parse("2024-11-06T16:30:00Z"), CLOSE_COMMENT);
            incident.status = IncidentStatus.CLOSED;
        });
        step("2025-02-28T15:40:00Z", "manager2", null, () -> {
            LossEntry claim = LossEntry.find("incident = ?1 and description = ?2", incident, INSURANCE_CLAIM)
                    .firstResult();
            claim.recoveryStatus = RecoveryStatus.RECEIVED;
            claim.accountingDate = LocalDate.of(2025, 2, 28);
            claim.postClosure = true;
            claim.description = "LE-01 Cyber insurance recovery received February 2025, after the EUR 250,000"
                    + " retention";
            incidents.recompute(incident);
        });
    }

    static final String INSURANCE_CLAIM = "LE-01 Cyber insurance claim filed (EUR 250,000 retention): recovery"
            + " expected";
    static final String RETURN_REASON = "Returned for rework: loss events LE-03 to LE-05 and the insurance claim are"
            + " not booked yet. Book them as they are settled, then submit again.";
    static final String CLOSE_COMMENT = "Closed: all five loss events and the payment recalls are booked, and the"
            + " insurance claim for LE-01 is recorded as an expected recovery; the event ended on 24 July 2024.";

    private static void submit(Incident incident, String at) {
        incident.review.submit("officer", Instant.parse(at));
        incident.status = IncidentStatus.UNDER_REVIEW;
    }

    /**
     * One step of the story, written to the database (and the trail) as done by its person at its time. What the
     * seed changed before it is written first, so the step is credited with its own changes only.
     */
    static void step(String at, String username, String note, Runnable work) {
        Incident.flush();
        Storyline.run(new Storyline.Step(Instant.parse(at), username, note), () -> {
            work.run();
            Incident.flush();
        });
    }

    private void loss(Incident incident, LossType type, String amount, String accountingDate, BusinessLine line,
            String description) {
        line(incident, type, null, amount, accountingDate, line, description);
    }

    /** A ledger line; {@code status}: for a recovery, whether it was received. */
    private void line(Incident incident, LossType type, RecoveryStatus status, String amount,
            String accountingDate, BusinessLine line, String description) {
        LossEntry entry = new LossEntry();
        entry.incident = incident;
        entry.type = type;
        entry.recoveryStatus = status;
        entry.amount = new BigDecimal(amount);
        entry.currency = "EUR";
        entry.fxRate = BigDecimal.ONE;
        entry.fxSource = RateSource.SAME_CURRENCY;
        entry.accountingDate = LocalDate.parse(accountingDate);
        entry.businessLine = line;
        entry.description = description;
        entry.convertTo(incidents.reportingCurrency());
        entry.persist();
        incidents.recompute(incident);
    }
}
