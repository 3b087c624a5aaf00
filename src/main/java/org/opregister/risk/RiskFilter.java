package org.opregister.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.web.LikePattern;
import org.opregister.web.QueryString;

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
        List<String> clauses = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (q != null) {
            String like = " like :q" + LikePattern.ESCAPE;
            clauses.add("(lower(reference)" + like + " or lower(title)" + like + " or lower(owner)" + like
                    + " or lower(orgUnit)" + like + ")");
            parameters.put("q", LikePattern.contains(q));
        }
        if (status != null) {
            clauses.add("status = :status");
            parameters.put("status", status);
        }
        if (eventCategory != null) {
            clauses.add("eventCategory = :category");
            parameters.put("category", eventCategory);
        }
        if (businessLine != null) {
            clauses.add("businessLine = :line");
            parameters.put("line", businessLine);
        }
        if (band != null) {
            clauses.add("residualScore between :low and :high");
            parameters.put("low", band.from);
            parameters.put("high",
                    band.ordinal() + 1 < RiskBand.values().length
                            ? RiskBand.values()[band.ordinal() + 1].from - 1
                            : 25);
        }
        if (orgUnit != null) {
            clauses.add("orgUnit = :unit");
            parameters.put("unit", orgUnit);
        }
        if (inherentCell != null) {
            clauses.add("inherentLikelihood = :il and inherentImpact = :ii");
            parameters.put("il", inherentCell[0]);
            parameters.put("ii", inherentCell[1]);
        }
        if (residualCell != null) {
            clauses.add("residualLikelihood = :rl and residualImpact = :ri");
            parameters.put("rl", residualCell[0]);
            parameters.put("ri", residualCell[1]);
        }
        return new Query(clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses), parameters);
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
