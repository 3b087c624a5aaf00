package org.opregister.risk;

import java.util.ArrayList;
import java.util.List;

import org.opregister.taxonomy.BusinessLine;
import org.opregister.web.Where;

/**
 * The 5×5 likelihood × impact grid of active risks, inherent or residual: counts per cell, each cell coloured by
 * the band of its score. Rows run from impact 5 (top) to 1, columns from likelihood 1 to 5.
 */
public record HeatMap(String kind, List<Row> rows, long total) {

    public record Cell(int likelihood, int impact, long count, RiskBand band, String link) {
    }

    public record Row(int impact, List<Cell> cells) {
    }

    /** Counts per cell of the active risks in the unit and business line (either may be null: all). */
    public static HeatMap of(String kind, String orgUnit, BusinessLine line) {
        String prefix = kind.equals("inherent") ? "inherent" : "residual";
        Where where = new Where().and("r.status = :status", "status", RiskStatus.ACTIVE)
                .and("r.orgUnit = :unit", "unit", orgUnit).and("r.businessLine = :line", "line", line);
        String cell = "r." + prefix + "Likelihood, r." + prefix + "Impact";
        var typed = Risk.getEntityManager().createQuery("select " + cell + ", count(r) from Risk r where "
                + where.clause() + " group by " + cell, Object[].class);
        where.parameters().forEach(typed::setParameter);
        long[][] counts = new long[6][6];
        long total = 0;
        for (Object[] row : typed.getResultList()) {
            int likelihood = ((Number) row[0]).intValue();
            int impact = ((Number) row[1]).intValue();
            counts[likelihood][impact] = ((Number) row[2]).longValue();
            total += counts[likelihood][impact];
        }
        String filters = new org.opregister.web.QueryString().add("status", RiskStatus.ACTIVE.name())
                .add("businessLine", line == null ? null : line.name()).add("orgUnit", orgUnit).toString();
        List<Row> rows = new ArrayList<>();
        for (int impact = 5; impact >= 1; impact--) {
            List<Cell> cells = new ArrayList<>();
            for (int likelihood = 1; likelihood <= 5; likelihood++) {
                cells.add(new Cell(likelihood, impact, counts[likelihood][impact], RiskBand.of(likelihood * impact),
                        "/risks?" + filters + "&" + prefix + "=" + likelihood + "x" + impact));
            }
            rows.add(new Row(impact, cells));
        }
        return new HeatMap(prefix, rows, total);
    }

    /** The organisational units of active risks, for the filter. */
    public static List<String> orgUnits() {
        return Risk.getEntityManager().createQuery("select distinct r.orgUnit from Risk r where r.status = :status"
                + " order by r.orgUnit", String.class).setParameter("status", RiskStatus.ACTIVE).getResultList();
    }
}
