package org.opregister.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/**
 * Reads a file of FX rates, in one of two layouts told apart by the first cell of the first line:
 * <ul>
 * <li>{@code Date,USD,JPY,...}: the ECB reference-rate file (eurofxref.csv, eurofxref-hist.csv): one row per day,
 * each cell the units of that currency per 1 EUR, {@code N/A} or empty for none; a trailing empty column is
 * accepted. Rates are derived for the base: into EUR, rate(cur) = 1 / ecb[cur]; into another base, rate(cur) =
 * ecb[base] / ecb[cur] and rate(EUR) = ecb[base]. A column of a code that is no active currency (the history file
 * keeps withdrawn ones such as CYP or HRK) is left out and named in the result; a day without a rate for the base
 * gives no rates and is counted.</li>
 * <li>{@code currency,date,rate} (header optional): the rate is the units of the base per one unit of the
 * currency.</li>
 * </ul>
 * Divisions keep {@link #PRECISION} significant digits (half-even), then at most {@link FxRate#SCALE} decimals. Every
 * bad line is reported under its line number; the rates count only when all lines are good.
 */
final class FxImport {

    /** The most rates one file may give. */
    static final int MAX_RATES = 100_000;
    /** Reading stops after this many bad lines. */
    static final int MAX_ERRORS = 500;
    static final MathContext PRECISION = new MathContext(10, RoundingMode.HALF_EVEN);
    static final String EUR = "EUR";
    private static final BigDecimal MAX_RATE = new BigDecimal("999999999");

    enum Layout {
        ECB, PLAIN
    }

    record Rate(String currency, LocalDate date, BigDecimal rate) {
    }

    record Parsed(Layout layout, List<Rate> rates, List<String> ignoredColumns, int skippedDays) {
    }

    private FxImport() {
    }

    /** The rates of the file into {@code base}, or none with each problem under its line number in {@code errors}. */
    static Parsed read(InputStream in, String base, FieldErrors errors) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        Parsed parsed = new Parsed(Layout.PLAIN, List.of(), List.of(), 0);
        try (var parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(reader)) {
            var records = parser.iterator();
            if (records.hasNext()) {
                CSVRecord first = records.next();
                parsed = cell(first, 0).equalsIgnoreCase("date")
                        ? new Ecb(base, errors).read(first, records)
                        : new Plain(base, errors).read(first, records);
            }
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            errors.add("1", e.getCause() instanceof CharacterCodingException || e instanceof CharacterCodingException
                    ? "error.uploadEncoding"
                    : "error.uploadUnreadable");
        }
        if (parsed.rates().size() > MAX_RATES && !errors.any()) {
            errors.add("1", "error.fxUploadTooLong", MAX_RATES);
        }
        if (parsed.rates().isEmpty() && !errors.any()) {
            errors.add("1", "error.fxUploadEmpty");
        }
        return errors.any() ? new Parsed(parsed.layout(), List.of(), List.of(), 0) : parsed;
    }

    /** {@code numerator / denominator} as stored: 10 significant digits half-even, then at most 10 decimals. */
    static BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
        return fit(numerator.divide(denominator, PRECISION));
    }

    static BigDecimal fit(BigDecimal rate) {
        return rate.scale() > FxRate.SCALE ? rate.setScale(FxRate.SCALE, RoundingMode.HALF_EVEN) : rate;
    }

    private static String cell(CSVRecord record, int index) {
        return index < record.size() ? record.get(index).replace("\uFEFF", "").strip() : "";
    }

    private static String line(CSVRecord record) {
        return Long.toString(record.getRecordNumber());
    }

    /** What both layouts share: the base, the problems, the rates so far and the caps. */
    private abstract static class Reading {

        final String base;
        final FieldErrors errors;
        final List<Rate> rates = new ArrayList<>();

        Reading(String base, FieldErrors errors) {
            this.base = base;
            this.errors = errors;
        }

        /** Whether reading goes on (false once a cap is reached, which is reported). */
        boolean room(CSVRecord record) {
            if (rates.size() > MAX_RATES) {
                errors.add(line(record), "error.fxUploadTooLong", MAX_RATES);
                return false;
            }
            if (errors.fields().size() >= MAX_ERRORS) {
                errors.add(line(record), "error.fxUploadTooManyErrors", MAX_ERRORS);
                return false;
            }
            return true;
        }

        LocalDate date(String text, String line) {
            try {
                LocalDate date = LocalDate.parse(text);
                if (date.isBefore(FormInput.EARLIEST_DATE) || date.isAfter(FormInput.LATEST_DATE)) {
                    errors.add(line, "error.fxBadDate", text);
                    return null;
                }
                return date;
            } catch (DateTimeParseException e) {
                errors.add(line, "error.fxBadDate", text);
                return null;
            }
        }

        /** A positive number in plain notation with at most 10 decimals, or null with the line's problem. */
        BigDecimal number(String text, String line, String currency) {
            if (!text.matches("[+-]?\\d{1,12}(\\.\\d{1,10})?")) {
                errors.add(line, "error.fxBadNumber", currency, text);
                return null;
            }
            BigDecimal number = new BigDecimal(text);
            if (number.signum() <= 0) {
                errors.add(line, "error.fxNotPositive", currency, text);
                return null;
            }
            return number;
        }

        /** Keeps a derived rate that fits the column; a rate that rounds to 0 or is too large is a problem. */
        void keep(String currency, LocalDate date, BigDecimal rate, String line) {
            BigDecimal fitted = fit(rate);
            if (fitted.signum() <= 0 || fitted.compareTo(MAX_RATE) > 0) {
                errors.add(line, "error.fxRateOutOfRange", currency, rate.toPlainString());
                return;
            }
            rates.add(new Rate(currency, date, fitted));
        }
    }

    /** The ECB layout. */
    private static final class Ecb extends Reading {

        private final Map<Integer, String> columns = new LinkedHashMap<>();
        private final List<String> ignored = new ArrayList<>();
        private int width;
        private int skippedDays;

        Ecb(String base, FieldErrors errors) {
            super(base, errors);
        }

        Parsed read(CSVRecord header, java.util.Iterator<CSVRecord> records) {
            header(header);
            if (errors.any()) {
                return new Parsed(Layout.ECB, List.of(), List.of(), 0);
            }
            Set<LocalDate> days = new HashSet<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (!room(record)) {
                    break;
                }
                row(record, days);
            }
            return new Parsed(Layout.ECB, rates, List.copyOf(ignored), skippedDays);
        }

        private void header(CSVRecord header) {
            width = header.size();
            Set<String> seen = new HashSet<>();
            for (int i = 1; i < header.size(); i++) {
                String code = cell(header, i).toUpperCase(Locale.ROOT);
                if (code.isEmpty()) {
                    if (i < header.size() - 1) {
                        errors.add("1", "error.fxEcbHeader", i + 1);
                    }
                    continue;
                }
                if (!code.matches("[A-Z]{3}") || code.equals(EUR)) {
                    errors.add("1", "error.fxEcbColumn", code);
                } else if (!seen.add(code)) {
                    errors.add("1", "error.fxEcbDuplicateColumn", code);
                } else if (Currencies.isActive(code)) {
                    columns.put(i, code);
                } else {
                    ignored.add(code);
                }
            }
            if (columns.isEmpty()) {
                errors.add("1", "error.fxEcbNoCurrencies");
            } else if (!base.equals(EUR) && !columns.containsValue(base)) {
                errors.add("1", "error.fxEcbNoBase", base);
            }
        }

        private void row(CSVRecord record, Set<LocalDate> days) {
            String line = line(record);
            if (record.size() > width) {
                errors.add(line, "error.fxColumns", width);
                return;
            }
            LocalDate date = date(cell(record, 0), line);
            if (date == null) {
                return;
            }
            if (!days.add(date)) {
                errors.add(line, "error.fxDuplicateDay", date);
                return;
            }
            Map<String, BigDecimal> perEuro = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> column : columns.entrySet()) {
                String text = cell(record, column.getKey());
                if (text.isEmpty() || text.equalsIgnoreCase("N/A")) {
                    continue;
                }
                BigDecimal value = number(text, line, column.getValue());
                if (value == null) {
                    return;
                }
                perEuro.put(column.getValue(), value);
            }
            if (base.equals(EUR)) {
                perEuro.forEach((currency, value) -> keep(currency, date, divide(BigDecimal.ONE, value), line));
                return;
            }
            BigDecimal basePerEuro = perEuro.get(base);
            if (basePerEuro == null) {
                if (!perEuro.isEmpty()) {
                    skippedDays++;
                }
                return;
            }
            keep(EUR, date, basePerEuro, line);
            perEuro.forEach((currency, value) -> {
                if (!currency.equals(base)) {
                    keep(currency, date, divide(basePerEuro, value), line);
                }
            });
        }
    }

    /** The plain layout. */
    private static final class Plain extends Reading {

        Plain(String base, FieldErrors errors) {
            super(base, errors);
        }

        Parsed read(CSVRecord first, java.util.Iterator<CSVRecord> records) {
            Set<String> seen = new HashSet<>();
            if (!cell(first, 0).equalsIgnoreCase("currency")) {
                row(first, seen);
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (!room(record)) {
                    break;
                }
                row(record, seen);
            }
            return new Parsed(Layout.PLAIN, rates, List.of(), 0);
        }

        private void row(CSVRecord record, Set<String> seen) {
            String line = line(record);
            if (record.size() != 3) {
                errors.add(line, "error.fxPlainColumns");
                return;
            }
            String currency = cell(record, 0).toUpperCase(Locale.ROOT);
            if (!Currencies.isActive(currency)) {
                errors.add(line, Currencies.UNKNOWN_KEY, currency);
                return;
            }
            if (currency.equals(base)) {
                errors.add(line, "error.fxRateOfBase", base);
                return;
            }
            LocalDate date = date(cell(record, 1), line);
            if (date == null) {
                return;
            }
            BigDecimal rate = number(cell(record, 2), line, currency);
            if (rate == null) {
                return;
            }
            if (!seen.add(currency + " " + date)) {
                errors.add(line, "error.fxDuplicateRate", currency, date);
                return;
            }
            keep(currency, date, rate, line);
        }
    }
}
