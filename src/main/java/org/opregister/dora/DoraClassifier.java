package org.opregister.dora;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rule of Delegated Regulation 2024/1772: Art. 8(1) with the materiality thresholds of Art. 9, as written. An
 * incident is major when it affected critical services (Art. 6) and either the threshold of Art. 9(5)(b) (successful,
 * malicious and unauthorised access that may result in data losses) is met, or two or more of the other thresholds
 * of Art. 9(1) to (6) are. Art. 9(1) (clients, financial counterparts and transactions) is one criterion met by any of
 * its points (a) to (f); so are 9(2) (reputation), 9(3) (duration and service downtime) and 9(5)(a) (data losses).
 * Pure: every threshold comes back met or not met with the reason, as message keys with their arguments.
 */
public final class DoraClassifier {

    /** Art. 9(1)(b): more than 100,000 clients. */
    public static final long CLIENTS = 100_000;
    /** Art. 9(1)(a), (d), (e): more than 10 %. */
    public static final BigDecimal TEN_PERCENT = new BigDecimal("10");
    /** Art. 9(1)(c): more than 30 % of financial counterparts. */
    public static final BigDecimal THIRTY_PERCENT = new BigDecimal("30");
    /** Art. 9(3)(a): longer than 24 hours. */
    public static final Duration DURATION = Duration.ofHours(24);
    /** Art. 9(3)(b): downtime longer than 2 hours of a service supporting a critical or important function. */
    public static final Duration DOWNTIME = Duration.ofHours(2);
    /** Art. 9(4): two or more Member States. */
    public static final int MEMBER_STATES = 2;
    /** Art. 9(6): costs and losses above EUR 100,000. */
    public static final BigDecimal ECONOMIC = new BigDecimal("100000");

    /** The EU Member States (ISO 3166-1 alpha-2; Greece as GR). */
    public static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
            "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    /**
     * What the classification reads. Shares are percentages (0-100), null when unknown; durations null when the
     * timestamps do not give them; {@code economicImpact} in EUR (the ledger's gross loss plus costs it does not hold).
     */
    public record Inputs(boolean criticalServiceAffected, boolean supervisedServices, Long clientsAffected,
            BigDecimal clientsShare, BigDecimal counterpartsShare, BigDecimal transactionsShare,
            BigDecimal transactionsValueShare, boolean relevantAffected, boolean mediaCoverage, boolean complaints,
            boolean lostClients, boolean regulatoryAttention, Duration duration, Duration downtime,
            Set<String> memberStates, boolean dataAvailability, boolean dataAuthenticity, boolean dataIntegrity,
            boolean dataConfidentiality, boolean dataAdverse, BigDecimal economicImpact, boolean maliciousAccess,
            boolean ongoing) {

        /** Inputs of an incident whose duration and downtime are over (or unknown). */
        public Inputs(boolean criticalServiceAffected, boolean supervisedServices, Long clientsAffected,
                BigDecimal clientsShare, BigDecimal counterpartsShare, BigDecimal transactionsShare,
                BigDecimal transactionsValueShare, boolean relevantAffected, boolean mediaCoverage, boolean complaints,
                boolean lostClients, boolean regulatoryAttention, Duration duration, Duration downtime,
                Set<String> memberStates, boolean dataAvailability, boolean dataAuthenticity, boolean dataIntegrity,
                boolean dataConfidentiality, boolean dataAdverse, BigDecimal economicImpact, boolean maliciousAccess) {
            this(criticalServiceAffected, supervisedServices, clientsAffected, clientsShare, counterpartsShare,
                    transactionsShare, transactionsValueShare, relevantAffected, mediaCoverage, complaints, lostClients,
                    regulatoryAttention, duration, downtime, memberStates, dataAvailability, dataAuthenticity,
                    dataIntegrity, dataConfidentiality, dataAdverse, economicImpact, maliciousAccess, false);
        }
    }

    /** One threshold: its article, met or not, and why (a message key and its arguments). */
    public record Threshold(String article, String labelKey, boolean met, String reasonKey, List<Object> arguments) {
    }

    /** The result: the Art. 6 gate, each threshold, and whether the incident is major. */
    public record Result(boolean criticalServices, String criticalReasonKey, List<Threshold> thresholds,
            int otherThresholdsMet, boolean malicious, boolean major) {

        /** The articles of the thresholds met, e.g. "9(1) 9(3) 9(6)". */
        public String articlesMet() {
            return String.join(" ", thresholds.stream().filter(Threshold::met).map(Threshold::article).toList());
        }
    }

    private DoraClassifier() {
    }

    public static Result classify(Inputs in) {
        List<Threshold> thresholds = new ArrayList<>();
        thresholds.add(clients(in));
        thresholds.add(reputation(in));
        thresholds.add(duration(in));
        thresholds.add(geography(in));
        thresholds.add(data(in));
        thresholds.add(economic(in));
        Threshold malicious = malicious(in);
        thresholds.add(malicious);
        int others = (int) thresholds.stream().filter(t -> t.met() && t != malicious).count();
        String criticalReason;
        boolean critical;
        if (in.criticalServiceAffected()) {
            critical = true;
            criticalReason = "dora.why.critical.functions";
        } else if (in.supervisedServices()) {
            critical = true;
            criticalReason = "dora.why.critical.supervised";
        } else if (in.maliciousAccess()) {
            critical = true;
            criticalReason = "dora.why.critical.malicious";
        } else {
            critical = false;
            criticalReason = "dora.why.critical.none";
        }
        boolean major = critical && (malicious.met() || others >= 2);
        return new Result(critical, criticalReason, List.copyOf(thresholds), others, malicious.met(), major);
    }

    static Threshold clients(Inputs in) {
        if (in.clientsAffected() != null && in.clientsAffected() > CLIENTS) {
            return met("9(1)", "dora.threshold.clients", "dora.why.clientsNumber", in.clientsAffected());
        }
        if (above(in.clientsShare(), TEN_PERCENT)) {
            return met("9(1)", "dora.threshold.clients", "dora.why.clientsShare", in.clientsShare());
        }
        if (above(in.counterpartsShare(), THIRTY_PERCENT)) {
            return met("9(1)", "dora.threshold.clients", "dora.why.counterparts", in.counterpartsShare());
        }
        if (above(in.transactionsShare(), TEN_PERCENT)) {
            return met("9(1)", "dora.threshold.clients", "dora.why.transactions", in.transactionsShare());
        }
        if (above(in.transactionsValueShare(), TEN_PERCENT)) {
            return met("9(1)", "dora.threshold.clients", "dora.why.transactionsValue", in.transactionsValueShare());
        }
        if (in.relevantAffected()) {
            return met("9(1)", "dora.threshold.clients", "dora.why.relevant");
        }
        return notMet("9(1)", "dora.threshold.clients", "dora.why.clientsNone");
    }

    static Threshold reputation(Inputs in) {
        if (in.mediaCoverage() || in.complaints() || in.lostClients() || in.regulatoryAttention()) {
            return met("9(2)", "dora.threshold.reputation", "dora.why.reputation");
        }
        return notMet("9(2)", "dora.threshold.reputation", "dora.why.reputationNone");
    }

    static Threshold duration(Inputs in) {
        String ongoing = in.ongoing() ? "Ongoing" : "";
        if (in.duration() != null && in.duration().compareTo(DURATION) > 0) {
            return met("9(3)", "dora.threshold.duration", "dora.why.duration" + ongoing, hours(in.duration()));
        }
        if (in.downtime() != null && in.downtime().compareTo(DOWNTIME) > 0 && in.criticalServiceAffected()) {
            return met("9(3)", "dora.threshold.duration", "dora.why.downtime", hours(in.downtime()));
        }
        if (in.duration() == null && in.downtime() == null) {
            return notMet("9(3)", "dora.threshold.duration", "dora.why.durationUnknown");
        }
        return notMet("9(3)", "dora.threshold.duration", "dora.why.durationShort",
                in.duration() == null ? "-" : hours(in.duration()), in.downtime() == null ? "-" : hours(in.downtime()));
    }

    static Threshold geography(Inputs in) {
        int states = in.memberStates() == null ? 0 : in.memberStates().size();
        if (states >= MEMBER_STATES) {
            return met("9(4)", "dora.threshold.geography", "dora.why.geography", states);
        }
        return notMet("9(4)", "dora.threshold.geography", "dora.why.geographyNone", states);
    }

    static Threshold data(Inputs in) {
        boolean impact = in.dataAvailability() || in.dataAuthenticity() || in.dataIntegrity()
                || in.dataConfidentiality();
        if (impact && in.dataAdverse()) {
            return met("9(5)(a)", "dora.threshold.data", "dora.why.data");
        }
        return notMet("9(5)(a)", "dora.threshold.data", impact ? "dora.why.dataNotAdverse" : "dora.why.dataNone");
    }

    static Threshold economic(Inputs in) {
        BigDecimal amount = in.economicImpact() == null ? BigDecimal.ZERO : in.economicImpact();
        if (amount.compareTo(ECONOMIC) > 0) {
            return met("9(6)", "dora.threshold.economic", "dora.why.economic", amount);
        }
        return notMet("9(6)", "dora.threshold.economic", "dora.why.economicNone", amount);
    }

    static Threshold malicious(Inputs in) {
        if (in.maliciousAccess()) {
            return met("9(5)(b)", "dora.threshold.malicious", "dora.why.malicious");
        }
        return notMet("9(5)(b)", "dora.threshold.malicious", "dora.why.maliciousNone");
    }

    private static boolean above(BigDecimal share, BigDecimal limit) {
        return share != null && share.compareTo(limit) > 0;
    }

    /** Hours with one decimal, for the reasons (a number, so each language writes its own decimal mark). */
    static BigDecimal hours(Duration duration) {
        return new BigDecimal(duration.toMinutes()).divide(new BigDecimal(60), 1, java.math.RoundingMode.HALF_UP);
    }

    private static Threshold met(String article, String label, String reason, Object... args) {
        return new Threshold(article, label, true, reason, List.of(args));
    }

    private static Threshold notMet(String article, String label, String reason, Object... args) {
        return new Threshold(article, label, false, reason, List.of(args));
    }
}
