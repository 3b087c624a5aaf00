package org.opregister.losses;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.opregister.audit.AuditEntry;
import org.opregister.core.KeptUntilChange;
import org.opregister.incident.DataSetRule;
import org.opregister.incident.LossDataChanges;

/**
 * The losses page's tables and the dashboard's loss panel, kept until the loss data changes ({@link KeptUntilChange},
 * {@link LossDataChanges}), as the COREP returns are: a period's ledger is read once, then every view of that period,
 * its downloads and the landing page are served from memory until a commit changes a ledger line, an incident or the
 * event it belongs to; a change to another record (a KRI value, an action plan) leaves them. The id is read before the
 * records, so a kept result is never older than the id it is kept under.
 */
@ApplicationScoped
public class KeptLossFigures {

    static final int KEPT = 8;

    /** The period (dates, basis, grain) and the data-set rule the share is decided by. */
    record PageKey(LossPeriod period, DataSetRule rule) {
    }

    final KeptUntilChange<PageKey, LossAnalytics.PeriodFigures> pages = new KeptUntilChange<>(KEPT,
            (key, kept, now) -> LossDataChanges.noneBetween(kept, now));
    final KeptUntilChange<LossPeriod, List<LossAnalytics.CategoryLoss>> panels = new KeptUntilChange<>(KEPT,
            (key, kept, now) -> LossDataChanges.noneBetween(kept, now));

    /** The losses page's tables for the period: one pass over its rows ({@link LossScan}), or the kept result. */
    LossAnalytics.PeriodFigures page(LossPeriod period, DataSetRule rule) {
        long lastChange = AuditEntry.lastChangeId();
        PageKey key = new PageKey(period, rule);
        LossAnalytics.PeriodFigures figures = pages.at(key, lastChange);
        if (figures == null) {
            figures = LossAnalytics.figures(period, rule);
            pages.keep(key, lastChange, figures);
        }
        return figures;
    }

    /** The dashboard panel's figures by Level 1 category ({@link LossAnalytics#byCategory}), or the kept ones. */
    List<LossAnalytics.CategoryLoss> byCategory(LossPeriod period) {
        long lastChange = AuditEntry.lastChangeId();
        List<LossAnalytics.CategoryLoss> categories = panels.at(period, lastChange);
        if (categories == null) {
            categories = List.copyOf(LossAnalytics.byCategory(period));
            panels.keep(period, lastChange, categories);
        }
        return categories;
    }
}
