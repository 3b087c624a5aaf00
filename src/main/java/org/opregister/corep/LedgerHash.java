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
import java.util.function.Consumer;

import org.opregister.corep.ReturnInput.LineGroup;
import org.opregister.corep.ReturnInput.LossEvent;
import org.opregister.corep.ReturnInput.Rule;

/**
 * The SHA-256 of everything a return's figures are computed from, so a locked return is reproducible and an auditor
 * can tell whether the data behind a download has changed: the reference date and entity, the rule, each event's
 * attributes and its line groups (the ledger lines summed as the computation reads them). The canonical serialisation
 * is in the README ("COREP C 17.01 and C 17.02", "The data hash"); it is fed to the digest line by line.
 */
public final class LedgerHash {

    private LedgerHash() {
    }

    /** The serialisation as text (tests, and the README's example). */
    public static String serialise(LocalDate referenceDate, String entityCode, Rule rule, List<LossEvent> events) {
        StringBuilder text = new StringBuilder();
        Writer writer = new Writer(referenceDate, entityCode, rule, text::append);
        sorted(events).forEach(writer::add);
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
        private final Writer writer;

        public Digest(LocalDate referenceDate, String entityCode, Rule rule) {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            writer = new Writer(referenceDate, entityCode, rule,
                    line -> digest.update(line.getBytes(StandardCharsets.UTF_8)));
        }

        public void add(LossEvent event) {
            writer.add(event);
        }

        public String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** Writes the serialisation: the head lines at once, then each event added, which must come by root id. */
    private static final class Writer {

        private final Consumer<String> out;
        private long lastRoot = Long.MIN_VALUE;

        Writer(LocalDate referenceDate, String entityCode, Rule rule, Consumer<String> out) {
            this.out = out;
            out.accept(line("C17", referenceDate, entityCode));
            out.accept(line("RULE", money(rule.threshold()), rule.currency(), rate(rule.eurRate()),
                    rule.eurRateDate(), money(rule.c1702ThresholdEur())));
        }

        void add(LossEvent e) {
            if (e.rootId() <= lastRoot) {
                throw new IllegalArgumentException("events must come by root id: " + e.rootId() + " after "
                        + lastRoot);
            }
            lastRoot = e.rootId();
            out.accept(line("E", e.rootId(), e.reference(), e.title(), e.category(), e.eventType(), e.nearMiss(),
                    e.gainEvent(), e.creditBoundary(), e.occurrenceDate(), e.discoveryDate(), e.entityCode(),
                    e.entityName(), e.entityLei(), e.orgUnit()));
            e.groups().stream().sorted(LineGroup.ORDER)
                    .forEach(g -> out.accept(line("G", g.businessLine(), g.type(), g.status(), g.inPeriod() ? "P" : "B",
                            money(g.amount()), g.lines(), g.firstDate(), g.lastDate())));
        }
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
            text.append(value.replace("\\", "\\\\").replace(";", "\\;").replace("\n", "\\n").replace("\r", "\\r"));
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
