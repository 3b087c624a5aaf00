package org.opregister.dora;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.opregister.core.Messages;
import org.opregister.incident.Incident;

/**
 * The data of a major-incident report in the fields of the template of Implementing Regulation 2025/302, Annex I:
 * general information (1.x) in every report, the initial notification's fields (2.x), the intermediate report's
 * (3.x) from the intermediate stage, the final report's (4.x) in the final report. Filled from the incident, its
 * DORA record and its ledger; a field the register does not hold stays empty, and an empty mandatory field is listed
 * as missing. Only the fields the register can fill or that are mandatory in every case are listed; conditional
 * fields whose condition the register cannot judge are left out. Times in UTC (ISO 8601), durations DD:HH:MM.
 */
public final class ReportData {

    /** One field: its code in Annex I, the stage block it belongs to, mandatory or not, and its value (null: empty). */
    public record Field(String code, ReportStage block, boolean mandatory, Object value) {

        public String labelKey() {
            return "dora.its." + code.replace('.', '_');
        }

        public boolean missing() {
            return mandatory && (value == null || value instanceof String text && text.isBlank());
        }

        /** The value as text (JSON and pages): instants in ISO 8601 UTC, amounts plain, lists joined. */
        public String text() {
            if (value == null) {
                return "";
            }
            if (value instanceof Instant instant) {
                return instant.truncatedTo(ChronoUnit.SECONDS).toString();
            }
            if (value instanceof BigDecimal number) {
                return number.toPlainString();
            }
            return value.toString();
        }
    }

    private ReportData() {
    }

    /** The fields of a report of the given stage, in the template's order. */
    public static List<Field> fields(ReportStage stage, DoraRecord r, List<DoraReport> reports, String currency,
            Locale locale) {
        Incident incident = r.incident;
        DoraClassifier.Result result = DoraClassifier.classify(r.inputs());
        List<Field> fields = new ArrayList<>();
        general(fields, stage, incident, currency, locale);
        fields.add(new Field("2.1", ReportStage.INITIAL, true, incident.reference));
        fields.add(new Field("2.2", ReportStage.INITIAL, true, r.detectedAt));
        fields.add(new Field("2.3", ReportStage.INITIAL, true, r.classifiedAt));
        fields.add(new Field("2.4", ReportStage.INITIAL, true, incident.description));
        fields.add(new Field("2.5", ReportStage.INITIAL, true, result.thresholds().stream()
                .filter(DoraClassifier.Threshold::met)
                .map(t -> t.article() + " " + Messages.get(locale, t.labelKey())).collect(Collectors.joining("; "))));
        if (thresholdMet(result, "9(4)")) {
            fields.add(new Field("2.6", ReportStage.INITIAL, true, String.join(" ", r.memberStateSet())));
        }
        fields.add(new Field("2.7", ReportStage.INITIAL, true, null));
        if (incident.thirdParty != null) {
            fields.add(new Field("2.8", ReportStage.INITIAL, true, incident.thirdParty));
        }
        fields.add(new Field("2.9", ReportStage.INITIAL, true, null));
        if (stage == ReportStage.INITIAL) {
            return fields;
        }
        String authority = reports.stream().filter(x -> x.authorityReference != null)
                .map(x -> x.authorityReference).reduce((a, b) -> b).orElse(null);
        fields.add(new Field("3.1", ReportStage.INTERMEDIATE, false, authority));
        fields.add(new Field("3.2", ReportStage.INTERMEDIATE, true, r.occurredAt));
        if (r.downtime() != null) {
            fields.add(new Field("3.3", ReportStage.INTERMEDIATE, true, r.recoveredAt));
        }
        fields.add(new Field("3.4", ReportStage.INTERMEDIATE, true, r.clientsAffected));
        fields.add(new Field("3.5", ReportStage.INTERMEDIATE, true, r.clientsShare));
        fields.add(new Field("3.6", ReportStage.INTERMEDIATE, true, null));
        fields.add(new Field("3.7", ReportStage.INTERMEDIATE, true, r.counterpartsShare));
        if (r.relevantAffected) {
            fields.add(new Field("3.8", ReportStage.INTERMEDIATE, true, Boolean.TRUE));
        }
        if (r.transactionsShare != null) {
            fields.add(new Field("3.10", ReportStage.INTERMEDIATE, true, r.transactionsShare));
        }
        if (thresholdMet(result, "9(2)")) {
            List<String> kinds = new ArrayList<>();
            addIf(kinds, r.mediaCoverage, Messages.get(locale, "dora.mediaCoverage"));
            addIf(kinds, r.complaints, Messages.get(locale, "dora.complaints"));
            addIf(kinds, r.regulatoryAttention, Messages.get(locale, "dora.regulatoryAttention"));
            addIf(kinds, r.lostClients, Messages.get(locale, "dora.lostClients"));
            fields.add(new Field("3.13", ReportStage.INTERMEDIATE, true, String.join("; ", kinds)));
            fields.add(new Field("3.14", ReportStage.INTERMEDIATE, true, r.reputationEvidence));
        }
        fields.add(new Field("3.15", ReportStage.INTERMEDIATE, true, span(r.duration())));
        if (r.downtime() != null) {
            fields.add(new Field("3.16", ReportStage.INTERMEDIATE, true, span(r.downtime())));
        }
        if (thresholdMet(result, "9(4)")) {
            fields.add(new Field("3.19", ReportStage.INTERMEDIATE, true, r.geographyEvidence));
        }
        if (thresholdMet(result, "9(5)(a)")) {
            List<String> kinds = new ArrayList<>();
            addIf(kinds, r.dataAvailability, "availability");
            addIf(kinds, r.dataAuthenticity, "authenticity");
            addIf(kinds, r.dataIntegrity, "integrity");
            addIf(kinds, r.dataConfidentiality, "confidentiality");
            fields.add(new Field("3.20", ReportStage.INTERMEDIATE, true, String.join("; ", kinds)));
            fields.add(new Field("3.21", ReportStage.INTERMEDIATE, true, r.dataEvidence));
        }
        String services = r.services.stream().map(s -> s.code + " " + s.name).collect(Collectors.joining("; "));
        fields.add(new Field("3.22", ReportStage.INTERMEDIATE, true,
                services.isEmpty()
                        ? r.criticalEvidence
                        : r.criticalEvidence == null ? services : services + ". " + r.criticalEvidence));
        fields.add(new Field("3.23", ReportStage.INTERMEDIATE, true, null));
        String functions = r.services.stream().map(s -> s.functionName).distinct()
                .collect(Collectors.joining("; "));
        fields.add(new Field("3.27", ReportStage.INTERMEDIATE, true, functions.isEmpty() ? null : functions));
        if (stage == ReportStage.INTERMEDIATE) {
            return fields;
        }
        fields.add(new Field("4.1", ReportStage.FINAL, true, null));
        fields.add(new Field("4.5", ReportStage.FINAL, true, incident.rootCause));
        fields.add(new Field("4.8", ReportStage.FINAL, true, r.resolvedAt));
        fields.add(new Field("4.12", ReportStage.FINAL, true,
                Messages.get(locale, thresholdMet(result, "9(6)") ? "dora.met" : "dora.notMet")));
        fields.add(new Field("4.13", ReportStage.FINAL, true, r.economicImpact()));
        fields.add(new Field("4.14", ReportStage.FINAL, true, incident.recoveries));
        return fields;
    }

    private static void general(List<Field> fields, ReportStage stage, Incident incident, String currency,
            Locale locale) {
        fields.add(new Field("1.1", ReportStage.INITIAL, true, Messages.get(locale, "enum.ReportStage." + stage)));
        fields.add(new Field("1.2", ReportStage.INITIAL, true,
                incident.legalEntity == null ? null : incident.legalEntity.name));
        fields.add(new Field("1.3", ReportStage.INITIAL, true,
                incident.legalEntity == null ? null : incident.legalEntity.lei));
        fields.add(new Field("1.4", ReportStage.INITIAL, true, null));
        fields.add(new Field("1.7", ReportStage.INITIAL, true, incident.owner));
        fields.add(new Field("1.8", ReportStage.INITIAL, true, null));
        fields.add(new Field("1.9", ReportStage.INITIAL, true, null));
        fields.add(new Field("1.15", ReportStage.INITIAL, true, currency));
    }

    public static List<Field> missing(List<Field> fields) {
        return fields.stream().filter(Field::missing).toList();
    }

    private static boolean thresholdMet(DoraClassifier.Result result, String article) {
        return result.thresholds().stream().anyMatch(t -> t.met() && t.article().equals(article));
    }

    private static void addIf(List<String> list, boolean condition, String text) {
        if (condition) {
            list.add(text);
        }
    }

    /** A duration as DD:HH:MM; null when unknown. */
    static String span(Duration duration) {
        if (duration == null) {
            return null;
        }
        return String.format(Locale.ROOT, "%02d:%02d:%02d", duration.toDays(), duration.toHoursPart(),
                duration.toMinutesPart());
    }
}
