package org.opregister.audit;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateExtension;

import org.opregister.core.CurrentLocale;
import org.opregister.core.LocalFormats;
import org.opregister.core.Messages;

/**
 * Audit entries in words: "Status: Open → Under review". Field names and enum codes are looked up in the bundle
 * ({@code field.Incident.status}, {@code enum.IncidentStatus.OPEN}); what has no label is shown as stored.
 */
@TemplateExtension
public class AuditText {

    public static String fieldLabel(FieldChange change, String recordType) {
        Locale locale = CurrentLocale.current();
        String key = "field." + recordType + "." + change.field();
        String label = Messages.get(locale, key);
        return label.startsWith("??") ? change.field() : label;
    }

    public static String before(FieldChange change) {
        return value(change, change.oldValue());
    }

    public static String after(FieldChange change) {
        return value(change, change.newValue());
    }

    /** When an entry happened, to the second (entries store microseconds, which nobody reads). */
    public static String when(AuditEntry entry) {
        return LocalFormats.instantToTheSecond(entry.occurredAt, CurrentLocale.current());
    }

    public static String isoTime(AuditEntry entry) {
        return DateTimeFormatter.ISO_INSTANT.format(entry.occurredAt.truncatedTo(ChronoUnit.SECONDS));
    }

    public static String actionLabel(AuditAction action) {
        return Messages.get(CurrentLocale.current(), "enum.AuditAction." + action.name());
    }

    private static String value(FieldChange change, String value) {
        Locale locale = CurrentLocale.current();
        if (value == null || value.isEmpty()) {
            return Messages.get(locale, "audit.empty");
        }
        if ("masked".equals(change.type())) {
            return Messages.get(locale, "audit.masked");
        }
        if (change.type() == null) {
            return value;
        }
        if ("boolean".equals(change.type())) {
            return Messages.get(locale, "true".equals(value) ? "common.yes" : "common.no");
        }
        return Arrays.stream(value.split(","))
                .map(code -> {
                    String label = Messages.get(locale, "enum." + change.type() + "." + code);
                    return label.startsWith("??") ? code : label;
                })
                .collect(Collectors.joining(", "));
    }
}
