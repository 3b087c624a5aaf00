package org.opregister.losses;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Everything the losses page shows for one period. */
public record LossPage(LossPeriod period, LossMatrix matrix, List<LossAnalytics.TrendRow> trend,
        List<LossAnalytics.TopEvent> top, LossAnalytics.DataSetShare share, String currency, boolean level2,
        LossLinks links) {

    static LossPage of(LossPeriod period, LossAnalytics.PeriodFigures figures, String currency, boolean level2) {
        return new LossPage(period, figures.matrix(), figures.trend(), figures.top(), figures.share(), currency,
                level2, new LossLinks(period));
    }

    /** The chart's bucket labels, as a JSON array for a data attribute. */
    public String chartLabels() {
        return trend.stream().map(r -> "\"" + r.bucket().label() + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    public String chartGross() {
        return numbers(r -> r.figures().gross());
    }

    public String chartNet() {
        return numbers(r -> r.figures().net());
    }

    private String numbers(Function<LossAnalytics.TrendRow, BigDecimal> value) {
        return trend.stream().map(r -> value.apply(r).toPlainString()).collect(Collectors.joining(",", "[", "]"));
    }

    /** The same page with Level 2 rows shown or hidden. */
    public String levelToggleUrl() {
        return LossParams.pageUrl(period, !level2);
    }

    /** The page's own URL for another grain. */
    public String grainUrl(Grain grain) {
        return LossParams.pageUrl(new LossPeriod(period.from(), period.to(), period.basis(), grain), level2);
    }

    /** The period chooser's values: the period shown. */
    public LossParams form() {
        return LossParams.of(period);
    }

    /** The download's query: the effective period, so a file matches what the page shows. */
    public String downloadQuery() {
        return LossParams.periodQuery(period) + "&grain=" + period.grain().name();
    }
}
