package org.opregister.seed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.opregister.attachment.FileContent;
import org.opregister.attachment.StoredFiles;
import org.opregister.control.Control;
import org.opregister.controltest.Attestation;
import org.opregister.controltest.AttestationCampaign;
import org.opregister.controltest.AttestationResponse;
import org.opregister.controltest.ControlTest;
import org.opregister.controltest.EvidenceFile;
import org.opregister.controltest.RoundStatus;
import org.opregister.controltest.TestResult;
import org.opregister.controltest.TestStatus;
import org.opregister.core.ReferenceCounter;

/**
 * Tests of the example's six controls after the outage (August 2024, signed off before the reassessment of 30
 * August, whose ratings are the controls' current ones), and the certification of the key controls for the second
 * half of 2024. The bank and its records are fictional.
 */
@ApplicationScoped
public class ExampleControlTests {

    static final String NAME = "example-case-control-tests-v1";

    private record Example(String control, String tester, TestResult result, String findings,
            AttestationResponse answer,
            String comment) {
    }

    private static final List<Example> EXAMPLES = List.of(
            new Example("Staged content rings (5% pilot; N-1 for critical hosts)", "officer", TestResult.INEFFECTIVE,
                    "No pilot ring existed: the faulty content update reached all 3,400 endpoints and 260 servers at once.",
                    AttestationResponse.EXCEPTIONS,
                    "Pilot ring live for critical servers only from November 2024 (K1)."),
            new Example("Vendor change-notification and testing clauses", "officer2", TestResult.INEFFECTIVE,
                    "The EDR contract gives no notice of, and no testing before, content updates.",
                    AttestationResponse.EXCEPTIONS, "Contract renegotiation still open (AP5)."),
            new Example("Independent BitLocker key escrow", "officer", TestResult.INEFFECTIVE,
                    "Recovery keys were held only in the directory that crashed with the endpoints; 1,100 keys were"
                            + " retrieved from a backup after 5 hours.",
                    AttestationResponse.EXCEPTIONS,
                    "Tested ineffective in August: keys now escrowed outside the directory since December 2024, not"
                            + " yet re-tested."),
            new Example("Mass-recovery runbook and boot media", "officer", TestResult.PARTIALLY_EFFECTIVE,
                    "The runbook existed but assumed single-host failures; boot media for 300 hosts only.",
                    AttestationResponse.CERTIFIED, null),
            new Example("Four-eyes and duplicate check on manual payments", "officer2", TestResult.INEFFECTIVE,
                    "In 25 sampled manual payments of 19 July the duplicate check was bypassed for the re-sent SEPA batch.",
                    AttestationResponse.EXCEPTIONS,
                    "Tested ineffective in August: the duplicate check is mandatory in the payment tool since October"
                            + " 2024; re-test planned for the first quarter of 2025."),
            new Example("Major-incident classification and reporting", "officer2", TestResult.EFFECTIVE, null, null,
                    null));

    public void record() {
        AttestationCampaign round = new AttestationCampaign();
        round.reference = ReferenceCounter.next("ATT", 2024);
        round.title = "Key controls certification, second half of 2024 (fictional example)";
        round.periodStart = LocalDate.of(2024, 7, 1);
        round.periodEnd = LocalDate.of(2024, 12, 31);
        round.dueDate = LocalDate.of(2025, 1, 31);
        round.status = RoundStatus.CLOSED;
        round.closedBy = "manager";
        round.closedAt = Instant.parse("2025-02-03T09:00:00Z");
        round.persist();
        int day = 0;
        for (Example example : EXAMPLES) {
            Control control = Control.find("title", example.control()).firstResult();
            if (control == null) {
                continue;
            }
            if (control.attester == null) {
                control.attester = example.tester();
            }
            ControlTest test = new ControlTest();
            test.reference = ReferenceCounter.next("CT", 2024);
            test.control = control;
            test.procedure = "Post-incident test after INC-2024-0719-01: walk-through of the control as operated on 19 July"
                    + " 2024 and re-performance on a sample. Fictional example (Example Mercantile Bank SE).";
            test.sampleSize = 25;
            test.periodStart = LocalDate.of(2024, 7, 1);
            test.periodEnd = LocalDate.of(2024, 7, 31);
            test.tester = example.tester();
            test.result = example.result();
            test.findings = example.findings();
            test.executedOn = LocalDate.of(2024, 8, 12).plusDays(day);
            test.status = TestStatus.SIGNED_OFF;
            test.review.submit(example.tester(), Instant.parse("2024-08-14T10:00:00Z").plusSeconds(86400L * day));
            test.review.decide(example.tester().equals("officer") ? "manager" : "manager2",
                    Instant.parse("2024-08-20T14:00:00Z").plusSeconds(3600L * day), null);
            test.persist();
            if (example.result() == TestResult.INEFFECTIVE && example.control().startsWith("Four-eyes")) {
                evidence(test, "duplicate-check-sample-2024-07-19.csv",
                        "payment,amount_eur,second_approval,duplicate_flag\n"
                                + "SEPA-0719-0001,18250.00,no,not checked\nSEPA-0719-0002,4100.00,no,not checked\n");
            }
            if (control.keyControl && example.answer() != null) {
                Attestation item = new Attestation();
                item.campaign = round;
                item.control = control;
                item.assignee = control.attester;
                item.response = example.answer();
                item.comment = example.comment();
                item.answeredBy = control.attester;
                item.answeredAt = Instant.parse("2025-01-20T11:00:00Z").plusSeconds(3600L * day);
                item.persist();
            }
            day++;
        }
    }

    private static void evidence(ControlTest test, String name, String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        FileContent content = new FileContent();
        content.data = data;
        content.persist();
        EvidenceFile file = new EvidenceFile();
        file.test = test;
        file.content = content;
        file.fileName = name;
        file.contentType = "text/csv";
        file.size = data.length;
        file.sha256 = StoredFiles.sha256(data);
        file.persist();
    }
}
