package org.opregister.kri;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.opregister.core.FieldErrors;

/**
 * A CSV file of KRI values: one row per period with {@code period,value} and an optional {@code comment}, a header
 * row optional. Every bad row is reported by its line number; the rows count only when all are good.
 */
final class ValueUpload {

    static final int MAX_ROWS = 1000;

    private ValueUpload() {
    }

    /** The rows read, or none with each problem under its line number in {@code errors}. */
    static List<ValueForm.Reading> read(InputStream in, Kri kri, LocalDate today, FieldErrors errors) {
        List<ValueForm.Reading> rows = new ArrayList<>();
        Set<LocalDate> periods = new HashSet<>();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try (var parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(reader)) {
            for (CSVRecord record : parser) {
                String line = Long.toString(record.getRecordNumber());
                if (record.getRecordNumber() == 1 && record.get(0).replace("\uFEFF", "").equalsIgnoreCase("period")) {
                    continue;
                }
                if (rows.size() + errors.fields().size() >= MAX_ROWS) {
                    errors.add(line, "error.uploadTooLong", MAX_ROWS);
                    break;
                }
                if (record.size() < 2 || record.size() > 3) {
                    errors.add(line, "error.uploadColumns");
                    continue;
                }
                ValueForm form = new ValueForm();
                form.period = record.get(0).replace("\uFEFF", "");
                form.value = record.get(1);
                form.comment = record.size() > 2 ? record.get(2) : null;
                FieldErrors rowErrors = new FieldErrors();
                ValueForm.Reading reading = form.parse(kri, rowErrors, today);
                if (rowErrors.any()) {
                    String field = rowErrors.fields().get(0);
                    errors.add(line, "error.uploadField", fieldName(field), rowErrors.get(field));
                } else if (!periods.add(reading.periodStart())) {
                    errors.add(line, "error.uploadDuplicate", kri.periodLabel(reading.periodStart()));
                } else if (KriValue.at(kri, reading.periodStart()) != null) {
                    errors.add(line, "error.uploadExists", kri.periodLabel(reading.periodStart()));
                } else {
                    rows.add(reading);
                }
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            errors.add("1", e.getCause() instanceof CharacterCodingException || e instanceof CharacterCodingException
                    ? "error.uploadEncoding"
                    : "error.uploadUnreadable");
        }
        if (rows.isEmpty() && !errors.any()) {
            errors.add("1", "error.uploadEmpty");
        }
        return errors.any() ? List.of() : rows;
    }

    private static String fieldName(String field) {
        return org.opregister.core.Messages.get(org.opregister.core.CurrentLocale.current(), "kris.column." + field);
    }
}
