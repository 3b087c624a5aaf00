package org.opregister.kri;

import static org.opregister.web.CsvOutput.bool;
import static org.opregister.web.CsvOutput.code;
import static org.opregister.web.CsvOutput.date;
import static org.opregister.web.CsvOutput.instant;
import static org.opregister.web.CsvOutput.text;

import java.io.OutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.opregister.web.CsvOutput;

/** KRI definitions and values as CSV. Column codes are documented in README. */
final class KriCsv {

    static final String[] DEFINITION_COLUMNS = {"reference", "name", "unit", "frequency", "direction", "green_limit",
        "red_limit", "source", "event_category", "business_line", "values_from", "owner", "status", "risks",
        "latest_period", "latest_value", "latest_status", "description", "updated_at", "updated_by"};

    static final String[] VALUE_COLUMNS = {"kri", "kri_name", "period", "period_start", "value", "unit", "status",
        "direction", "green_limit", "red_limit", "computed", "comment", "updated_at", "updated_by"};

    private KriCsv() {
    }

    static long writeDefinitions(Stream<Kri> kris, OutputStream out, EntityManager em) {
        long[] count = {0};
        try (Stream<Kri> rows = kris; CsvOutput csv = new CsvOutput(out, DEFINITION_COLUMNS)) {
            rows.forEach(k -> {
                KriTrend trend = KriTrend.of(k);
                KriValue latest = trend.latest();
                csv.row(text(k.reference), text(k.name), text(k.unit), code(k.frequency), code(k.direction),
                        plain(k.greenLimit), plain(k.redLimit), code(k.source), code(k.eventCategory),
                        code(k.businessLine), date(k.valuesFrom), text(k.owner), code(k.status),
                        KriRisk.risksOf(k).stream().map(r -> r.reference).collect(Collectors.joining(";")),
                        latest == null ? "" : latest.period(), latest == null ? "" : plain(latest.value),
                        latest == null ? "" : code(latest.status), text(k.description), instant(k.updatedAt),
                        text(k.updatedBy));
                if (++count[0] % CsvOutput.CLEAR_EVERY == 0) {
                    em.clear();
                }
            });
        }
        return count[0];
    }

    static long writeValues(Stream<KriValue> values, OutputStream out, EntityManager em) {
        long[] count = {0};
        try (Stream<KriValue> rows = values; CsvOutput csv = new CsvOutput(out, VALUE_COLUMNS)) {
            rows.forEach(v -> {
                csv.row(text(v.kri.reference), text(v.kri.name), v.period(), date(v.periodStart), plain(v.value),
                        text(v.kri.unit), code(v.status), code(v.direction), plain(v.greenLimit), plain(v.redLimit),
                        bool(v.computed), text(v.comment), instant(v.updatedAt), text(v.updatedBy));
                if (++count[0] % CsvOutput.CLEAR_EVERY == 0) {
                    em.clear();
                }
            });
        }
        return count[0];
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
