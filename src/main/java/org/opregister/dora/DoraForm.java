package org.opregister.dora;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/**
 * The DORA form of an incident: the ICT-related flag, the timestamps (typed in the zone of {@code oprisk.timezone}),
 * the services affected and the criteria of Delegated Regulation 2024/1772 with their evidence. Saving it classifies.
 */
public class DoraForm {

    /** How a timestamp is typed (an HTML {@code datetime-local} field). */
    public static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    static final BigDecimal BELOW_ZERO = new BigDecimal("-0.0001");
    static final BigDecimal HUNDRED = new BigDecimal("100");
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999");

    @RestForm
    public String version;
    @RestForm
    public String ictRelated;
    @RestForm
    public String occurredAt;
    @RestForm
    public String detectedAt;
    @RestForm
    public String awareAt;
    @RestForm
    public String classifiedAt;
    @RestForm
    public String recoveredAt;
    @RestForm
    public String resolvedAt;
    @RestForm
    public List<String> services = new ArrayList<>();
    @RestForm
    public String supervisedServices;
    @RestForm
    public String criticalEvidence;
    @RestForm
    public String clientsAffected;
    @RestForm
    public String clientsShare;
    @RestForm
    public String counterpartsShare;
    @RestForm
    public String transactionsShare;
    @RestForm
    public String transactionsValueShare;
    @RestForm
    public String relevantAffected;
    @RestForm
    public String clientsEvidence;
    @RestForm
    public String mediaCoverage;
    @RestForm
    public String complaints;
    @RestForm
    public String lostClients;
    @RestForm
    public String regulatoryAttention;
    @RestForm
    public String reputationEvidence;
    @RestForm
    public String durationEvidence;
    @RestForm
    public String memberStates;
    @RestForm
    public String geographyEvidence;
    @RestForm
    public String dataAvailability;
    @RestForm
    public String dataAuthenticity;
    @RestForm
    public String dataIntegrity;
    @RestForm
    public String dataConfidentiality;
    @RestForm
    public String dataAdverse;
    @RestForm
    public String dataEvidence;
    @RestForm
    public String otherCosts;
    @RestForm
    public String costsEvidence;
    @RestForm
    public String maliciousAccess;
    @RestForm
    public String maliciousEvidence;

    /** What was typed, checked; {@code version} null when the incident has no DORA record yet. */
    public record Data(Long version, boolean ictRelated, Instant occurredAt, Instant detectedAt, Instant awareAt,
            Instant classifiedAt, Instant recoveredAt, Instant resolvedAt, Set<Long> services,
            boolean supervisedServices, String criticalEvidence, Long clientsAffected, BigDecimal clientsShare,
            BigDecimal counterpartsShare, BigDecimal transactionsShare, BigDecimal transactionsValueShare,
            boolean relevantAffected, String clientsEvidence, boolean mediaCoverage, boolean complaints,
            boolean lostClients, boolean regulatoryAttention, String reputationEvidence, String durationEvidence,
            String memberStates, String geographyEvidence, boolean dataAvailability, boolean dataAuthenticity,
            boolean dataIntegrity, boolean dataConfidentiality, boolean dataAdverse, String dataEvidence,
            BigDecimal otherCosts, String costsEvidence, boolean maliciousAccess, String maliciousEvidence) {
    }

    static DoraForm of(DoraRecord r, ZoneId zone) {
        DoraForm form = new DoraForm();
        if (r == null) {
            form.ictRelated = "true";
            return form;
        }
        form.version = Long.toString(r.version);
        form.ictRelated = Boolean.toString(r.ictRelated);
        form.occurredAt = typed(r.occurredAt, zone);
        form.detectedAt = typed(r.detectedAt, zone);
        form.awareAt = typed(r.awareAt, zone);
        form.classifiedAt = typed(r.classifiedAt, zone);
        form.recoveredAt = typed(r.recoveredAt, zone);
        form.resolvedAt = typed(r.resolvedAt, zone);
        form.services = new ArrayList<>(r.services.stream().map(s -> Long.toString(s.id)).toList());
        form.supervisedServices = flag(r.supervisedServices);
        form.criticalEvidence = r.criticalEvidence;
        form.clientsAffected = r.clientsAffected == null ? null : r.clientsAffected.toString();
        form.clientsShare = plain(r.clientsShare);
        form.counterpartsShare = plain(r.counterpartsShare);
        form.transactionsShare = plain(r.transactionsShare);
        form.transactionsValueShare = plain(r.transactionsValueShare);
        form.relevantAffected = flag(r.relevantAffected);
        form.clientsEvidence = r.clientsEvidence;
        form.mediaCoverage = flag(r.mediaCoverage);
        form.complaints = flag(r.complaints);
        form.lostClients = flag(r.lostClients);
        form.regulatoryAttention = flag(r.regulatoryAttention);
        form.reputationEvidence = r.reputationEvidence;
        form.durationEvidence = r.durationEvidence;
        form.memberStates = r.memberStates;
        form.geographyEvidence = r.geographyEvidence;
        form.dataAvailability = flag(r.dataAvailability);
        form.dataAuthenticity = flag(r.dataAuthenticity);
        form.dataIntegrity = flag(r.dataIntegrity);
        form.dataConfidentiality = flag(r.dataConfidentiality);
        form.dataAdverse = flag(r.dataAdverse);
        form.dataEvidence = r.dataEvidence;
        form.otherCosts = plain(r.otherCosts);
        form.costsEvidence = r.costsEvidence;
        form.maliciousAccess = flag(r.maliciousAccess);
        form.maliciousEvidence = r.maliciousEvidence;
        return form;
    }

    /** Whether a check box was ticked (for the template). */
    public boolean checked(String box) {
        return "true".equalsIgnoreCase(box) || "on".equalsIgnoreCase(box);
    }

    public boolean hasService(Long id) {
        return services != null && services.contains(Long.toString(id));
    }

    public Data parse(boolean creating, ZoneId zone, FieldErrors errors) {
        FormInput input = new FormInput(errors);
        // A first classification has no version to check, but a version that is not a number is a broken page.
        Long loaded = creating && FormInput.blank(version) ? null : input.version("version", version);
        Instant occurred = instant("occurredAt", occurredAt, zone, errors);
        Instant detected = instant("detectedAt", detectedAt, zone, errors);
        Instant aware = instant("awareAt", awareAt, zone, errors);
        Instant classified = instant("classifiedAt", classifiedAt, zone, errors);
        Instant recovered = instant("recoveredAt", recoveredAt, zone, errors);
        Instant resolved = instant("resolvedAt", resolvedAt, zone, errors);
        notBefore("detectedAt", detected, occurred, errors);
        notBefore("awareAt", aware, detected, errors);
        notBefore("recoveredAt", recovered, occurred, errors);
        notBefore("resolvedAt", resolved, occurred, errors);
        Set<Long> serviceIds = new LinkedHashSet<>();
        for (String typed : services == null ? List.<String>of() : services) {
            if (FormInput.blank(typed)) {
                continue;
            }
            Long id = FormInput.id(typed);
            if (id == null) {
                errors.add("services", "error.choice");
            } else {
                serviceIds.add(id);
            }
        }
        Integer clients = input.whole("clientsAffected", clientsAffected, false, 0, 999_999_999);
        BigDecimal costs = input.decimal("otherCosts", otherCosts, false, 2, new BigDecimal("-0.01"), MAX_AMOUNT);
        if (!"true".equals(ictRelated) && !"false".equals(ictRelated)) {
            errors.add("ictRelated", "dora.error.ictRelatedChoice");
        }
        return new Data(loaded, "true".equals(ictRelated), occurred, detected, aware, classified, recovered, resolved,
                serviceIds, checked(supervisedServices), evidence(input, "criticalEvidence", criticalEvidence),
                clients == null ? null : clients.longValue(), share(input, "clientsShare", clientsShare),
                share(input, "counterpartsShare", counterpartsShare),
                share(input, "transactionsShare", transactionsShare),
                share(input, "transactionsValueShare", transactionsValueShare), checked(relevantAffected),
                evidence(input, "clientsEvidence", clientsEvidence), checked(mediaCoverage), checked(complaints),
                checked(lostClients), checked(regulatoryAttention),
                evidence(input, "reputationEvidence", reputationEvidence),
                evidence(input, "durationEvidence", durationEvidence), states(memberStates, errors),
                evidence(input, "geographyEvidence", geographyEvidence), checked(dataAvailability),
                checked(dataAuthenticity), checked(dataIntegrity), checked(dataConfidentiality), checked(dataAdverse),
                evidence(input, "dataEvidence", dataEvidence), costs, evidence(input, "costsEvidence", costsEvidence),
                checked(maliciousAccess), evidence(input, "maliciousEvidence", maliciousEvidence));
    }

    /** A timestamp typed in the zone ({@code 2024-07-19T06:21}, seconds allowed), as an instant; null when blank. */
    static Instant instant(String field, String value, ZoneId zone, FieldErrors errors) {
        String text = FormInput.trimmed(value);
        if (text == null) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text.replace(' ', 'T'));
            if (local.getYear() < 1900 || local.getYear() > 2999) {
                errors.add(field, "dora.error.dateTime");
                return null;
            }
            return local.atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, "dora.error.dateTime");
            return null;
        }
    }

    private static void notBefore(String field, Instant later, Instant earlier, FieldErrors errors) {
        if (later != null && earlier != null && later.isBefore(earlier)) {
            errors.add(field, "dora.error.order");
        }
    }

    private static BigDecimal share(FormInput input, String field, String value) {
        return input.decimal(field, value, false, 4, BELOW_ZERO, HUNDRED);
    }

    private static String evidence(FormInput input, String field, String value) {
        return input.text(field, value, false, DoraRecord.EVIDENCE_MAX);
    }

    /** Member States as ISO codes separated by spaces or commas; each must be an EU Member State. */
    static String states(String value, FieldErrors errors) {
        String text = FormInput.trimmed(value);
        if (text == null) {
            return null;
        }
        Set<String> codes = new TreeSet<>();
        for (String code : text.toUpperCase(Locale.ROOT).split("[\\s,;]+")) {
            if (code.isEmpty()) {
                continue;
            }
            if (!DoraClassifier.EU.contains(code)) {
                errors.add("memberStates", "dora.error.memberState", code.length() > 10 ? code.substring(0, 10) : code);
                return null;
            }
            codes.add(code);
        }
        return codes.isEmpty() ? null : String.join(" ", codes);
    }

    static String typed(Instant instant, ZoneId zone) {
        return instant == null ? null : TYPED.format(instant.atZone(zone));
    }

    private static String flag(boolean value) {
        return value ? "true" : null;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
