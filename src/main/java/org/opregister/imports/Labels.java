package org.opregister.imports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.opregister.core.Messages;

/**
 * What a file may write instead of a code: a column's English or French heading ({@code imports.column.<code>}, or
 * the one the XLSX exports write, {@code exports.col.<code>}), an
 * enumeration's English or French label ({@code enum.<Type>.<CONST>}), yes/no in either language. Compared
 * {@link #normalise normalised}: lower case, without accents, every run of other characters one underscore, so that
 * "Date de survenance", "date_de_survenance" and "DATE DE SURVENANCE" are the same heading.
 */
final class Labels {

    // First: the tables below are built with normalise().
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern OTHERS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGES = Pattern.compile("^_+|_+$");

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);

    /** Every column of the exports read back: the codes a heading may name. */
    static final List<String> COLUMNS = List.of("reference", "external_reference", "title", "status", "severity",
            "event_category", "event_type", "business_line", "org_unit", "owner", "occurrence_date", "discovery_date",
            "reporting_date", "closure_date", "near_miss", "gain_event", "legal_entity", "root_event",
            "credit_boundary", "market_boundary", "causes", "root_cause", "third_party", "gross_loss", "recoveries",
            "net_loss", "expected_recoveries", "provisions", "reporting_currency", "description", "created_at",
            "created_by", "updated_at", "updated_by", "closed_by", "closed_at", "incident_reference", "loss_id",
            "entry_type", "recovery_status", "amount", "currency", "fx_rate", "fx_source", "fx_reason",
            "reporting_amount", "accounting_date", "post_closure", "incident_event_category", "incident_event_type",
            "incident_business_line", "incident_occurrence_date", "incident_discovery_date", "incident_near_miss",
            "incident_gain_event", "control_type", "nature", "frequency", "design_effectiveness",
            "operating_effectiveness", "key_control", "risks", "assessor", "inherent_likelihood", "inherent_impact",
            "inherent_score", "inherent_band", "residual_likelihood", "residual_impact", "residual_score",
            "residual_band", "residual_comment", "appetite", "controls", "overdue", "aging", "priority", "due_date",
            "original_due_date", "progress", "sources", "closure_note", "closure_requested_by", "closure_requested_at",
            "reviewed_by", "reviewed_at", "review_comment", "completed_on");

    private static final Map<String, String> HEADINGS = headings();
    private static final Map<Class<?>, Map<String, String>> ENUMS = new ConcurrentHashMap<>();
    private static final Map<String, String> BOOLEANS = Map.of("true", "true", "false", "false", "yes", "true", "no",
            "false", "oui", "true", "non", "false", "vrai", "true", "faux", "false");

    private Labels() {
    }

    /** Lower case, no accents, no byte-order mark, each run of other characters one underscore, none at the ends. */
    static String normalise(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text.replace("\uFEFF", ""), Normalizer.Form.NFD))
                .replaceAll("");
        return EDGES.matcher(OTHERS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("_")).replaceAll("");
    }

    /** The column code a heading names (a code, or a heading in English or French); the heading normalised if none. */
    static String column(String heading) {
        String normal = normalise(heading);
        return HEADINGS.getOrDefault(normal, normal);
    }

    /** The code a cell names: the code itself (any case), or a label in English or French; the cell as is if none. */
    static <E extends Enum<E>> String code(Class<E> type, String cell) {
        if (cell == null) {
            return null;
        }
        String found = ENUMS.computeIfAbsent(type, Labels::labels).get(normalise(cell));
        return found != null ? found : cell;
    }

    /** {@code true} or {@code false} for yes/no in either language; the cell as is otherwise (the form refuses it). */
    static String bool(String cell) {
        return cell == null ? null : BOOLEANS.getOrDefault(normalise(cell), cell);
    }

    private static Map<String, String> headings() {
        Map<String, String> map = new HashMap<>();
        for (String code : COLUMNS) {
            for (Locale language : LANGUAGES) {
                map.putIfAbsent(normalise(Messages.get(language, "imports.column." + code)), code);
            }
            map.put(code, code);
        }
        // The headings the XLSX exports write (exports.col.*), where they say it otherwise: "Modifié le (UTC)".
        for (String code : COLUMNS) {
            for (Locale language : LANGUAGES) {
                String exported = Messages.get(language, "exports.col." + code);
                if (!exported.startsWith("??")) {
                    map.putIfAbsent(normalise(exported), code);
                }
            }
        }
        return Map.copyOf(map);
    }

    private static Map<String, String> labels(Class<?> type) {
        Map<String, String> map = new HashMap<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            for (Locale language : LANGUAGES) {
                map.putIfAbsent(normalise(Messages.get(language, "enum." + type.getSimpleName() + "." + name)), name);
            }
            map.put(normalise(name), name);
        }
        return Map.copyOf(map);
    }
}
