package org.opregister.kri;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import org.opregister.web.CsvColumn;

import static org.opregister.web.CsvColumn.bool;
import static org.opregister.web.CsvColumn.code;
import static org.opregister.web.CsvColumn.date;
import static org.opregister.web.CsvColumn.instant;
import static org.opregister.web.CsvColumn.number;
import static org.opregister.web.CsvColumn.raw;
import static org.opregister.web.CsvColumn.text;

/** KRI definitions and values as CSV. Column codes are documented in README. */
final class KriCsv {

    private KriCsv() {
    }

    /** One row per KRI, read with its latest value ({@code Kri.streamAll().map(KriTrend::of)}). */
    static final List<CsvColumn<KriTrend>> DEFINITIONS = List.of(
            text("reference", t -> t.kri().reference),
            text("name", t -> t.kri().name),
            text("unit", t -> t.kri().unit),
            code("frequency", t -> t.kri().frequency),
            code("direction", t -> t.kri().direction),
            number("green_limit", t -> trimmed(t.kri().greenLimit)),
            number("red_limit", t -> trimmed(t.kri().redLimit)),
            code("source", t -> t.kri().source),
            code("event_category", t -> t.kri().eventCategory),
            code("business_line", t -> t.kri().businessLine),
            date("values_from", t -> t.kri().valuesFrom),
            text("owner", t -> t.kri().owner),
            code("status", t -> t.kri().status),
            raw("risks", t -> KriRisk.risksOf(t.kri()).stream().map(r -> r.reference).collect(Collectors.joining(";"))),
            raw("latest_period", t -> t.latest() == null ? null : t.latest().period()),
            number("latest_value", t -> t.latest() == null ? null : trimmed(t.latest().value)),
            code("latest_status", t -> t.latest() == null ? null : t.latest().status),
            text("description", t -> t.kri().description),
            instant("updated_at", t -> t.kri().updatedAt),
            text("updated_by", t -> t.kri().updatedBy));

    /** One row per value. */
    static final List<CsvColumn<KriValue>> VALUES = List.of(
            text("kri", v -> v.kri.reference),
            text("kri_name", v -> v.kri.name),
            raw("period", KriValue::period),
            date("period_start", v -> v.periodStart),
            number("value", v -> trimmed(v.value)),
            text("unit", v -> v.kri.unit),
            code("status", v -> v.status),
            code("direction", v -> v.direction),
            number("green_limit", v -> trimmed(v.greenLimit)),
            number("red_limit", v -> trimmed(v.redLimit)),
            bool("computed", v -> v.computed),
            text("comment", v -> v.comment),
            instant("updated_at", v -> v.updatedAt),
            text("updated_by", v -> v.updatedBy));

    /** KRI figures drop the zeros their column scale adds: 12.50 is written 12.5. */
    private static BigDecimal trimmed(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
