package org.opregister.losses;

import java.util.List;

import org.opregister.web.XlsxColumn;

/** The columns of the page's three downloads (CSV and XLSX read the same list). */
final class LossTables {

    private LossTables() {
    }

    static List<XlsxColumn<LossMatrix.Line>> matrix(LossPeriod period, String currency) {
        return List.of(
                XlsxColumn.number("level", "losses.col.level", LossMatrix.Line::level),
                XlsxColumn.code("event_category", "losses.col.eventCategory", LossMatrix.Line::category),
                XlsxColumn.code("event_type", "losses.col.eventType", LossMatrix.Line::type),
                XlsxColumn.code("business_line", "losses.col.businessLine", LossMatrix.Line::line),
                XlsxColumn.number("events", "losses.col.events", l -> l.figures().events()),
                XlsxColumn.number("gross_loss", "losses.col.grossLoss", l -> l.figures().gross()),
                XlsxColumn.number("net_loss", "losses.col.netLoss", l -> l.figures().net()),
                XlsxColumn.code("currency", "losses.col.currency", l -> currency),
                XlsxColumn.code("date_basis", "losses.col.dateBasis", l -> period.basis()),
                XlsxColumn.date("period_from", "losses.col.periodFrom", l -> period.from()),
                XlsxColumn.date("period_to", "losses.col.periodTo", l -> period.to()));
    }

    static List<XlsxColumn<LossAnalytics.TrendRow>> trend(LossPeriod period, String currency) {
        return List.of(
                XlsxColumn.code("period", "losses.col.bucket", r -> r.bucket().label()),
                XlsxColumn.date("from", "losses.col.bucketFrom", r -> r.bucket().from()),
                XlsxColumn.date("to", "losses.col.bucketTo", r -> r.bucket().to()),
                XlsxColumn.number("events", "losses.col.events", r -> r.figures().events()),
                XlsxColumn.number("gross_loss", "losses.col.grossLoss", r -> r.figures().gross()),
                XlsxColumn.number("net_loss", "losses.col.netLoss", r -> r.figures().net()),
                XlsxColumn.code("currency", "losses.col.currency", r -> currency),
                XlsxColumn.code("date_basis", "losses.col.dateBasis", r -> period.basis()));
    }

    static List<XlsxColumn<LossAnalytics.TopEvent>> top(LossPeriod period, String currency) {
        return List.of(
                XlsxColumn.number("rank", "losses.col.rank", LossAnalytics.TopEvent::rank),
                XlsxColumn.code("reference", "losses.col.reference", LossAnalytics.TopEvent::reference),
                XlsxColumn.text("title", "losses.col.title", LossAnalytics.TopEvent::title),
                XlsxColumn.code("event_type", "losses.col.eventType", LossAnalytics.TopEvent::eventType),
                XlsxColumn.code("business_line", "losses.col.businessLine", LossAnalytics.TopEvent::businessLine),
                XlsxColumn.date("occurrence_date", "losses.col.occurrenceDate",
                        LossAnalytics.TopEvent::occurrenceDate),
                XlsxColumn.number("gross_loss", "losses.col.grossLoss", e -> e.figures().gross()),
                XlsxColumn.number("net_loss", "losses.col.netLoss", e -> e.figures().net()),
                XlsxColumn.code("currency", "losses.col.currency", e -> currency),
                XlsxColumn.code("date_basis", "losses.col.dateBasis", e -> period.basis()),
                XlsxColumn.date("period_from", "losses.col.periodFrom", e -> period.from()),
                XlsxColumn.date("period_to", "losses.col.periodTo", e -> period.to()));
    }
}
