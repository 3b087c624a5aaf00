package org.opregister.risk;

import java.util.Map;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.web.LikePattern;
import org.opregister.web.QueryString;
import org.opregister.web.Where;

/** Filters of the risk register: text, status, event type, business line, residual band. */
public record RiskFilter(String q, RiskStatus status, EventCategory eventCategory, BusinessLine businessLine,
        RiskBand band,
        String orgUnit, int[] inherentCell, int[] residualCell) {

    private static final Map<String, String> SORTS = Map.of(
            "reference", "reference", "title", "lower(title)", "owner", "lower(owner)",
            "inherent", "inherentScore", "residual", "residualScore", "status", "status");

    public record Query(String where, Map<String, Object> parameters) {
    }

    /** ORDER BY for a sort code ("-residual": highest residual score first, the default). */
    public static String orderBy(String sort) {
        String code = sort == null || sort.isBlank() ? "-residual" : sort;
        boolean descending = code.startsWith("-");
        String column = SORTS.get(descending ? code.substring(1) : code);
        if (column == null) {
            return "residualScore desc, reference";
        }
        return column + (descending ? " desc" : "") + ", reference";
    }

    Query query() {
        Where where = new Where()
                .and("(lower(reference) like :q" + LikePattern.ESCAPE + " or lower(title) like :q" + LikePattern.ESCAPE
                        + " or lower(owner) like :q" + LikePattern.ESCAPE + " or lower(orgUnit) like :q"
                        + LikePattern.ESCAPE + ")", "q", q == null ? null : LikePattern.contains(q))
                .and("status = :status", "status", status)
                .and("eventCategory = :category", "category", eventCategory)
                .and("businessLine = :line", "line", businessLine)
                .and("residualScore between :low and :high", band == null
                        ? null
                        : Map.of("low", band.from, "high", band.ordinal() + 1 < RiskBand.values().length
                                ? RiskBand.values()[band.ordinal() + 1].from - 1
                                : 25))
                .and("orgUnit = :unit", "unit", orgUnit)
                .and("inherentLikelihood = :il and inherentImpact = :ii",
                        inherentCell == null ? null : Map.of("il", inherentCell[0], "ii", inherentCell[1]))
                .and("residualLikelihood = :rl and residualImpact = :ri",
                        residualCell == null ? null : Map.of("rl", residualCell[0], "ri", residualCell[1]));
        return new Query(where.clause(), where.parameters());
    }

    /** The raw parameters, as typed. */
    public record Params(String q, String status, String eventType, String businessLine, String band, String orgUnit,
            String inherent, String residual) {

        public RiskFilter parse(FieldErrors errors) {
            FormInput input = new FormInput(errors);
            return new RiskFilter(input.text("q", q, false, 200),
                    input.choice("status", status, RiskStatus.class, false),
                    input.choice("eventType", eventType, EventCategory.class, false),
                    input.choice("businessLine", businessLine, BusinessLine.class, false),
                    input.choice("band", band, RiskBand.class, false),
                    input.text("orgUnit", orgUnit, false, Risk.NAME_MAX),
                    cell("inherent", inherent, errors), cell("residual", residual, errors));
        }

        /** A heat-map cell as "likelihood x impact", e.g. 3x5. */
        private static int[] cell(String field, String value, FieldErrors errors) {
            String text = FormInput.trimmed(value);
            if (text == null) {
                return null;
            }
            if (!text.matches("[1-5]x[1-5]")) {
                errors.add(field, "error.cell");
                return null;
            }
            return new int[]{text.charAt(0) - '0', text.charAt(2) - '0'};
        }

        public String queryString() {
            return new QueryString().add("q", q).add("status", status).add("eventType", eventType)
                    .add("businessLine", businessLine).add("band", band).add("orgUnit", orgUnit)
                    .add("inherent", inherent).add("residual", residual).toString();
        }

        /** A column header's link: the other direction when already sorted by it; scores start highest first. */
        public String sortLink(String current, String column) {
            boolean scores = column.equals("inherent") || column.equals("residual");
            String first = scores ? "-" + column : column;
            String second = scores ? column : "-" + column;
            return listUrl(first.equals(current) ? second : first);
        }

        public String listUrl(String sort) {
            String query = queryString();
            return "/risks?" + query + (query.isEmpty() ? "" : "&") + "sort=" + sort;
        }
    }
}
