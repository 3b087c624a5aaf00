package org.opregister.losses;

import java.math.BigDecimal;
import java.util.List;

import org.opregister.core.FieldErrors;
import org.opregister.incident.DateBasis;

/**
 * The dashboard's loss panel: net loss by Level 1 event type for a period (by default the latest twelve months that
 * hold data), linked to the losses page for the same period. Two queries: the latest date, the figures (kept until a
 * record changes,
 * {@link KeptLossFigures}).
 */
public record LossPanel(LossParams form, LossPeriod period, List<LossAnalytics.CategoryLoss> categories,
        LossFigures total, BigDecimal largest) {

    /** The panel for the typed period; with errors, the panel without figures (period null). */
    public static LossPanel of(LossParams params, FieldErrors errors, KeptLossFigures kept) {
        LossPeriod period = params.parse(errors, LossAnalytics::latestData);
        if (period == null) {
            return new LossPanel(params, null, List.of(), LossFigures.NONE, BigDecimal.ZERO);
        }
        List<LossAnalytics.CategoryLoss> categories = kept.byCategory(period);
        LossFigures total = categories.stream().map(LossAnalytics.CategoryLoss::figures).reduce(LossFigures.NONE,
                LossFigures::plus);
        BigDecimal largest = categories.stream().map(c -> c.figures().net()).reduce(BigDecimal.ZERO, BigDecimal::max);
        return new LossPanel(LossParams.of(period), period, categories, total, largest);
    }

    /** The date bases the panel offers. */
    public List<DateBasis> bases() {
        return List.of(DateBasis.ACCOUNTING, DateBasis.OCCURRENCE, DateBasis.DISCOVERY);
    }

    /** Bar width in percent of the largest category's net loss. */
    public int share(LossAnalytics.CategoryLoss row) {
        return row.figures().net().signum() <= 0 ? 0 : LossFigures.percent(row.figures().net(), largest);
    }

    /** The losses page for the same period. */
    public String pageUrl() {
        return LossParams.pageUrl(period, false);
    }

    /** The losses page for the same period, Level 2 rows shown (the category's rows). */
    public String categoryUrl(LossAnalytics.CategoryLoss row) {
        return "/incidents?" + LossParams.periodQuery(period) + "&eventType=" + row.category().name()
                + "&classifyBy=EVENT";
    }
}
