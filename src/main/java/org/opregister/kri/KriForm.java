package org.opregister.kri;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;

/** The KRI definition form (and API body) as typed. */
public class KriForm {

    static final BigDecimal MIN = new BigDecimal("-1000000000000000");
    static final BigDecimal MAX = new BigDecimal("1000000000000000");
    static final int SCALE = 4;

    public String name;
    public String description;
    public String unit;
    public String frequency;
    public String owner;
    public String direction;
    public String greenLimit;
    public String redLimit;
    public String source;
    public String eventCategory;
    public String businessLine;
    /** Computed KRIs: the first period computed, as 2024-07 or 2024-Q3. */
    public String valuesFrom;
    /** On a change of direction or limits: the first period they apply to. */
    public String thresholdsFrom;
    public String status;
    public String version;

    public static KriForm blank(LocalDate today) {
        KriForm form = new KriForm();
        form.frequency = KriFrequency.MONTHLY.name();
        form.direction = KriDirection.HIGHER_IS_WORSE.name();
        form.source = KriSource.MANUAL.name();
        form.status = KriActivity.ACTIVE.name();
        form.valuesFrom = KriFrequency.MONTHLY.label(KriFrequency.MONTHLY.periodOf(today.minusMonths(11)));
        return form;
    }

    public static KriForm of(Kri kri, LocalDate today) {
        KriForm form = new KriForm();
        form.name = kri.name;
        form.description = kri.description;
        form.unit = kri.unit;
        form.frequency = kri.frequency.name();
        form.owner = kri.owner;
        form.direction = kri.direction.name();
        form.greenLimit = kri.greenLimit.stripTrailingZeros().toPlainString();
        form.redLimit = kri.redLimit.stripTrailingZeros().toPlainString();
        form.source = kri.source.name();
        form.eventCategory = kri.eventCategory == null ? null : kri.eventCategory.name();
        form.businessLine = kri.businessLine == null ? null : kri.businessLine.name();
        form.valuesFrom = kri.valuesFrom == null ? null : kri.periodLabel(kri.valuesFrom);
        form.thresholdsFrom = kri.periodLabel(kri.frequency.periodOf(today));
        form.status = kri.status.name();
        form.version = Long.toString(kri.version);
        return form;
    }

    /**
     * The definition as checked values; {@code null} fields only where optional (or where the text was bad); the
     * version: the one the user loaded, {@code null} when it is not a number.
     */
    public record Definition(String name, String description, String unit, KriFrequency frequency, String owner,
            Thresholds thresholds, KriSource source, EventCategory eventCategory, BusinessLine businessLine,
            LocalDate valuesFrom, LocalDate thresholdsFrom, KriActivity status, Long version) {

        void applyTo(Kri kri) {
            kri.name = name;
            kri.description = description;
            kri.unit = unit;
            kri.frequency = frequency;
            kri.owner = owner;
            kri.direction = thresholds.direction();
            kri.greenLimit = thresholds.green();
            kri.redLimit = thresholds.red();
            kri.source = source;
            kri.eventCategory = eventCategory;
            kri.businessLine = businessLine;
            kri.valuesFrom = valuesFrom;
            kri.status = status;
        }
    }

    /**
     * Checks every field and the thresholds against the direction; the problems go to {@code errors} (the definition
     * is only meaningful when there is none).
     */
    public Definition parse(FieldErrors errors) {
        FormInput input = new FormInput(errors);
        String parsedName = input.text("name", name, true, Kri.NAME_MAX);
        String parsedDescription = input.text("description", description, false, Kri.TEXT_MAX);
        String parsedUnit = input.text("unit", unit, true, Kri.UNIT_MAX);
        KriFrequency parsedFrequency = input.choice("frequency", frequency, KriFrequency.class, true);
        String parsedOwner = input.text("owner", owner, true, Kri.OWNER_MAX);
        KriDirection parsedDirection = input.choice("direction", direction, KriDirection.class, true);
        BigDecimal green = input.decimal("greenLimit", greenLimit, true, SCALE, MIN, MAX);
        BigDecimal red = input.decimal("redLimit", redLimit, true, SCALE, MIN, MAX);
        Thresholds.check(parsedDirection, green, red, errors);
        KriSource parsedSource = input.choice("source", source, KriSource.class, true);
        EventCategory category = input.choice("eventCategory", eventCategory, EventCategory.class, false);
        BusinessLine line = input.choice("businessLine", businessLine, BusinessLine.class, false);
        KriActivity parsedStatus = input.choice("status", status, KriActivity.class, true);
        LocalDate from = period(input, "valuesFrom", valuesFrom, parsedFrequency,
                parsedSource != null && parsedSource.computed());
        LocalDate thresholdsStart = period(input, "thresholdsFrom", thresholdsFrom, parsedFrequency, false);
        if (parsedSource == KriSource.MANUAL && (category != null || line != null)) {
            errors.add("source", "error.filterNeedsComputed");
        }
        if (parsedSource != null && parsedSource.measured() && (category != null || line != null)) {
            errors.add("source", "error.ictKriNoFilter");
        }
        boolean computed = parsedSource != null && parsedSource.computed();
        return new Definition(parsedName, parsedDescription, parsedUnit, parsedFrequency, parsedOwner,
                new Thresholds(parsedDirection, green, red), parsedSource, category, line, computed ? from : null,
                thresholdsStart, parsedStatus, FormInput.id(version));
    }

    static LocalDate period(FormInput input, String field, String text, KriFrequency frequency, boolean required) {
        String value = FormInput.trimmed(text);
        if (value == null) {
            if (required) {
                input.errors().add(field, "error.required");
            }
            return null;
        }
        if (frequency == null) {
            return null;
        }
        LocalDate start = frequency.parse(value);
        if (start == null) {
            input.errors().add(field,
                    frequency == KriFrequency.MONTHLY ? "error.periodMonthly" : "error.periodQuarterly");
        }
        return start;
    }
}
