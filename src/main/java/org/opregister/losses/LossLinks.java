package org.opregister.losses;

import org.opregister.taxonomy.BusinessLine;

/**
 * Drill-downs from the losses page to the register, with the page's filters: the same date basis and period, the
 * row's event type (Level 1 category or Level 2 type), the column's business line; {@code classifyBy=EVENT} makes
 * the register read a grouped incident's root classification, as the matrix counts it.
 */
public record LossLinks(LossPeriod period) {

    private String base() {
        return "/incidents?" + LossParams.periodQuery(period);
    }

    public String total() {
        return base();
    }

    public String cell(LossMatrix.Row row, BusinessLine line) {
        return base() + "&eventType=" + row.code() + "&businessLine=" + line.name() + "&classifyBy=EVENT";
    }

    public String row(LossMatrix.Row row) {
        return base() + "&eventType=" + row.code() + "&classifyBy=EVENT";
    }

    public String column(BusinessLine line) {
        return base() + "&businessLine=" + line.name() + "&classifyBy=EVENT";
    }

    public String bucket(LossPeriod.Bucket bucket) {
        return "/incidents?dates=" + period.basis().name() + "&from=" + bucket.from() + "&to=" + bucket.to();
    }

    /** {@code scope}: IN or OUT of the regulatory data set. */
    public String dataSet(String scope) {
        return base() + "&dataSet=" + scope;
    }

    public String event(long id) {
        return "/incidents/" + id;
    }
}
