package org.opregister.dora;

import java.time.Instant;
import java.time.ZoneId;
import java.util.StringJoiner;

/** The inputs of a classification as text kept with it (one {@code name=value} a line), for the history. */
final class DoraInputsText {

    private DoraInputsText() {
    }

    static String of(DoraRecord r, ZoneId zone) {
        StringJoiner lines = new StringJoiner("\n");
        lines.add("occurredAt=" + time(r.occurredAt));
        lines.add("detectedAt=" + time(r.detectedAt));
        lines.add("awareAt=" + time(r.awareAt));
        lines.add("classifiedAt=" + time(r.classifiedAt));
        lines.add("recoveredAt=" + time(r.recoveredAt));
        lines.add("resolvedAt=" + time(r.resolvedAt));
        lines.add("services=" + String.join(" ", r.services.stream()
                .map(s -> s.code + (s.criticalOrImportant ? "(critical)" : "")).sorted().toList()));
        lines.add("supervisedServices=" + r.supervisedServices);
        lines.add("clientsAffected=" + r.clientsAffected);
        lines.add("clientsShare=" + r.clientsShare);
        lines.add("counterpartsShare=" + r.counterpartsShare);
        lines.add("transactionsShare=" + r.transactionsShare);
        lines.add("transactionsValueShare=" + r.transactionsValueShare);
        lines.add("relevantAffected=" + r.relevantAffected);
        lines.add("reputation=" + r.mediaCoverage + "," + r.complaints + "," + r.lostClients + ","
                + r.regulatoryAttention);
        lines.add("durationHours=" + (r.duration() == null ? null : DoraClassifier.hours(r.duration())));
        lines.add("downtimeHours=" + (r.downtime() == null ? null : DoraClassifier.hours(r.downtime())));
        lines.add("memberStates=" + r.memberStates);
        lines.add("data=" + r.dataAvailability + "," + r.dataAuthenticity + "," + r.dataIntegrity + ","
                + r.dataConfidentiality + ",adverse=" + r.dataAdverse);
        lines.add("ledgerGrossLoss=" + r.incident.grossLoss.toPlainString());
        lines.add("otherCosts=" + (r.otherCosts == null ? null : r.otherCosts.toPlainString()));
        lines.add("maliciousAccess=" + r.maliciousAccess);
        lines.add("zone=" + zone.getId());
        String text = lines.toString();
        return text.length() > DoraClassification.INPUTS_MAX
                ? text.substring(0, DoraClassification.INPUTS_MAX)
                : text;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

}
