package org.opregister.corep;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import org.opregister.corep.ReturnInput.LineGroup;
import org.opregister.corep.ReturnInput.LossEvent;
import org.opregister.corep.ReturnInput.Rule;

/**
 * The SHA-256 of everything a return's figures are computed from, so a locked return is reproducible and an auditor
 * can tell whether the data behind a download has changed: the reference date and entity, the rule, each event's
 * attributes and its line groups (the ledger lines summed as the computation reads them). The canonical serialisation
 * is in the README ("COREP C 17.01 and C 17.02", "The data hash"); it is fed to the digest one event at a time.
 */
public final class LedgerHash {

    private LedgerHash() {
    }

    /** The serialisation as text (tests, and the README's example). */
    public static String serialise(LocalDate referenceDate, String entityCode, Rule rule, List<LossEvent> events) {
        StringBuilder text = new StringBuilder(head(referenceDate, entityCode, rule));
        sorted(events).forEach(event -> text.append(text(event)));
        return text.toString();
    }

    public static String of(LocalDate referenceDate, String entityCode, Rule rule, List<LossEvent> events) {
        Digest digest = new Digest(referenceDate, entityCode, rule);
        sorted(events).forEach(digest::add);
        return digest.hex();
    }

    private static List<LossEvent> sorted(List<LossEvent> events) {
        return events.stream().sorted(Comparator.comparingLong(LossEvent::rootId)).toList();
    }

    /** The hash of a return's data fed one event at a time, in the order of their root ids. */
    public static final class Digest {

        private final MessageDigest digest;
        private long lastRoot = Long.MIN_VALUE;

        public Digest(LocalDate referenceDate, String entityCode, Rule rule) {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            digest.update(head(referenceDate, entityCode, rule).getBytes(StandardCharsets.UTF_8));
        }

        public void add(LossEvent event) {
            add(Serialised.of(event));
        }

        /** An event already serialised (a return computed again from kept events serialises only those read). */
        public void add(Serialised event) {
            if (event.event().rootId() <= lastRoot) {
                throw new IllegalArgumentException("events must come by root id: " + event.event().rootId()
                        + " after " + lastRoot);
            }
            lastRoot = event.event().rootId();
            digest.update(event.bytes());
        }

        public String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** An event with its lines of the serialisation, in UTF-8. */
    public record Serialised(LossEvent event, byte[] bytes) {

        public static Serialised of(LossEvent event) {
            return new Serialised(event, text(event).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The head lines: the return and the rule. */
    private static String head(LocalDate referenceDate, String entityCode, Rule rule) {
        return line("C17", referenceDate, entityCode) + line("RULE", money(rule.threshold()), rule.currency(),
                rate(rule.eurRate()), rule.eurRateDate(), money(rule.c1702ThresholdEur()));
    }

    /** An event's lines: its attributes, then its line groups. */
    private static String text(LossEvent e) {
        StringBuilder text = new StringBuilder(line("E", e.rootId(), e.reference(), e.title(), e.category(),
                e.eventType(), e.nearMiss(), e.gainEvent(), e.creditBoundary(), e.occurrenceDate(), e.discoveryDate(),
                e.entityCode(), e.entityName(), e.entityLei(), e.orgUnit()));
        e.groups().stream().sorted(LineGroup.ORDER)
                .forEach(g -> text.append(line("G", g.businessLine(), g.type(), g.status(), g.inPeriod() ? "P" : "B",
                        money(g.amount()), g.lines(), g.firstDate(), g.lastDate())));
        return text.toString();
    }

    /** Fields separated by ';', a line feed at the end; null is empty; text escaped (\\, \;, \n, \r). */
    private static String line(Object... fields) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append(';');
            }
            Object field = fields[i];
            String value = field == null ? "" : field instanceof Enum<?> e ? e.name() : field.toString();
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                switch (ch) {
                    case '\\' -> text.append("\\\\");
                    case ';' -> text.append("\\;");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(ch);
                }
            }
        }
        return text.append('\n').toString();
    }

    /** An amount in plain notation with two decimals ({@code 1260000.00}). */
    static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A rate in plain notation without trailing zeros ({@code 1}, {@code 3.3215}). */
    static String rate(BigDecimal rate) {
        return rate == null ? null : rate.stripTrailingZeros().toPlainString();
    }
}
