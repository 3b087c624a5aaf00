package org.opregister.dora;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.opregister.dora.DoraClassifier.Inputs;
import org.opregister.dora.DoraClassifier.Result;
import org.opregister.dora.DoraClassifier.Threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Delegated Regulation 2024/1772 Arts. 8 and 9: each threshold on its edge, the rule, and the worked example. */
class DoraClassifierTest {

    /** A builder over the inputs, nothing met, a critical service affected. */
    private static final class In {

        boolean critical = true;
        boolean supervised;
        Long clients;
        BigDecimal clientsShare;
        BigDecimal counterparts;
        BigDecimal transactions;
        BigDecimal transactionsValue;
        boolean relevant;
        boolean media;
        boolean complaints;
        boolean lost;
        boolean regulatory;
        Duration duration;
        Duration downtime;
        Set<String> states = Set.of();
        boolean availability;
        boolean adverse;
        BigDecimal economic = BigDecimal.ZERO;
        boolean malicious;

        Inputs build() {
            return new Inputs(critical, supervised, clients, clientsShare, counterparts, transactions,
                    transactionsValue, relevant, media, complaints, lost, regulatory, duration, downtime, states,
                    availability, false, false, false, adverse, economic, malicious);
        }

        Threshold threshold(String article) {
            return DoraClassifier.classify(build()).thresholds().stream().filter(t -> t.article().equals(article))
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void clientsAbove100000AndAbove10Percent() {
        In in = new In();
        in.clients = 100_000L;
        assertFalse(in.threshold("9(1)").met(), "exactly 100,000 is not more than 100,000");
        in.clients = 100_001L;
        assertTrue(in.threshold("9(1)").met());
        assertEquals("dora.why.clientsNumber", in.threshold("9(1)").reasonKey());
        in = new In();
        in.clientsShare = new BigDecimal("10");
        assertFalse(in.threshold("9(1)").met(), "10 % is not more than 10 %");
        in.clientsShare = new BigDecimal("10.0001");
        assertTrue(in.threshold("9(1)").met());
    }

    @Test
    void counterpartsAbove30PercentTransactionsAbove10PercentRelevantClients() {
        In in = new In();
        in.counterparts = new BigDecimal("30");
        assertFalse(in.threshold("9(1)").met());
        in.counterparts = new BigDecimal("30.01");
        assertEquals("dora.why.counterparts", in.threshold("9(1)").reasonKey());
        in = new In();
        in.transactions = new BigDecimal("10");
        assertFalse(in.threshold("9(1)").met());
        in.transactions = new BigDecimal("10.5");
        assertEquals("dora.why.transactions", in.threshold("9(1)").reasonKey());
        in = new In();
        in.transactionsValue = new BigDecimal("10");
        assertFalse(in.threshold("9(1)").met());
        in.transactionsValue = new BigDecimal("11");
        assertEquals("dora.why.transactionsValue", in.threshold("9(1)").reasonKey());
        in = new In();
        in.relevant = true;
        assertEquals("dora.why.relevant", in.threshold("9(1)").reasonKey());
    }

    @Test
    void reputationAnyOfTheFourConditions() {
        In in = new In();
        assertFalse(in.threshold("9(2)").met());
        in.complaints = true;
        assertTrue(in.threshold("9(2)").met());
        in = new In();
        in.regulatory = true;
        assertTrue(in.threshold("9(2)").met());
    }

    @Test
    void durationAbove24HoursDowntimeAbove2HoursOfACriticalService() {
        In in = new In();
        assertEquals("dora.why.durationUnknown", in.threshold("9(3)").reasonKey());
        in.duration = Duration.ofHours(24);
        assertFalse(in.threshold("9(3)").met(), "24 h is not longer than 24 h");
        in.duration = Duration.ofHours(24).plusMinutes(1);
        assertEquals("dora.why.duration", in.threshold("9(3)").reasonKey());
        in = new In();
        in.downtime = Duration.ofHours(2);
        assertFalse(in.threshold("9(3)").met(), "2 h is not longer than 2 h");
        in.downtime = Duration.ofMinutes(121);
        assertEquals("dora.why.downtime", in.threshold("9(3)").reasonKey());
        in.critical = false;
        assertFalse(in.threshold("9(3)").met(), "downtime counts for services of critical or important functions");
    }

    @Test
    void anIncidentNotYetResolvedHasLastedUntilItIsClassified() {
        org.opregister.dora.DoraRecord record = new org.opregister.dora.DoraRecord();
        record.incident = new org.opregister.incident.Incident();
        record.incident.grossLoss = BigDecimal.ZERO;
        record.occurredAt = java.time.Instant.parse("2026-03-02T08:00:00Z");
        java.time.Instant thirtyHoursLater = java.time.Instant.parse("2026-03-03T14:00:00Z");
        Inputs ongoing = record.inputs(thirtyHoursLater);
        assertEquals(Duration.ofHours(30), ongoing.duration(), "measured to the classification, not unknown");
        assertEquals(Duration.ofHours(30), ongoing.downtime(), "no recovery time: the service is still down");
        Threshold duration = DoraClassifier.classify(ongoing).thresholds().stream()
                .filter(t -> t.article().equals("9(3)")).findFirst().orElseThrow();
        assertTrue(duration.met());
        assertEquals("dora.why.durationOngoing", duration.reasonKey());

        record.resolvedAt = java.time.Instant.parse("2026-03-02T20:00:00Z");
        record.recoveredAt = java.time.Instant.parse("2026-03-02T09:30:00Z");
        Inputs over = record.inputs(thirtyHoursLater);
        assertEquals(Duration.ofHours(12), over.duration(), "resolved: from occurrence to resolution");
        assertEquals(Duration.ofMinutes(90), over.downtime());
        assertFalse(over.ongoing());
    }

    @Test
    void twoOrMoreMemberStates() {
        In in = new In();
        in.states = Set.of("DE");
        assertFalse(in.threshold("9(4)").met());
        in.states = Set.of("DE", "NL");
        assertTrue(in.threshold("9(4)").met());
    }

    @Test
    void dataLossNeedsAnAdverseImpact() {
        In in = new In();
        in.availability = true;
        assertEquals("dora.why.dataNotAdverse", in.threshold("9(5)(a)").reasonKey());
        in.adverse = true;
        assertTrue(in.threshold("9(5)(a)").met());
    }

    @Test
    void economicImpactAboveEur100000() {
        In in = new In();
        in.economic = new BigDecimal("100000.00");
        assertFalse(in.threshold("9(6)").met(), "EUR 100,000 is not above EUR 100,000");
        in.economic = new BigDecimal("100000.01");
        assertTrue(in.threshold("9(6)").met());
    }

    @Test
    void majorNeedsCriticalServicesAndTwoOtherThresholds() {
        In in = new In();
        in.media = true;
        assertFalse(DoraClassifier.classify(in.build()).major(), "one threshold is not enough");
        in.states = Set.of("DE", "AT");
        Result two = DoraClassifier.classify(in.build());
        assertEquals(2, two.otherThresholdsMet());
        assertTrue(two.major());
        in.critical = false;
        Result noCritical = DoraClassifier.classify(in.build());
        assertFalse(noCritical.criticalServices());
        assertFalse(noCritical.major(), "without critical services never major");
        in.supervised = true;
        assertTrue(DoraClassifier.classify(in.build()).major(), "supervised services are critical (Art. 6(b))");
    }

    @Test
    void maliciousAccessAloneMakesMajorAndCountsNotAsAnOtherThreshold() {
        In in = new In();
        in.critical = false;
        in.malicious = true;
        Result result = DoraClassifier.classify(in.build());
        assertTrue(result.criticalServices(), "malicious access is a critical-services case (Art. 6(c))");
        assertEquals(0, result.otherThresholdsMet());
        assertTrue(result.major());
        assertEquals("9(5)(b)", result.articlesMet());
    }

    @Test
    void theWorkedExample() {
        In in = new In();
        in.supervised = true;
        in.clients = 210_000L;
        in.media = true;
        in.duration = Duration.between(java.time.Instant.parse("2024-07-19T04:09:00Z"),
                java.time.Instant.parse("2024-07-24T16:00:00Z"));
        in.downtime = Duration.between(java.time.Instant.parse("2024-07-19T04:09:00Z"),
                java.time.Instant.parse("2024-07-19T11:40:00Z"));
        in.states = Set.of("DE", "NL", "AT");
        in.availability = true;
        in.economic = new BigDecimal("2001500.00").add(new BigDecimal("310000.00"));
        Result result = DoraClassifier.classify(in.build());
        assertTrue(result.major());
        assertEquals(5, result.otherThresholdsMet());
        assertEquals("9(1) 9(2) 9(3) 9(4) 9(6)", result.articlesMet());
    }
}
