package org.opregister.rcsa;

import java.util.List;

import org.opregister.web.CsvColumn;

import static org.opregister.web.CsvColumn.code;
import static org.opregister.web.CsvColumn.date;
import static org.opregister.web.CsvColumn.instant;
import static org.opregister.web.CsvColumn.number;
import static org.opregister.web.CsvColumn.text;

/** Assessment results as CSV: one row per risk per campaign, and one per control rating. Columns in README. */
final class AssessmentCsv {

    private AssessmentCsv() {
    }

    /** One row per risk per campaign: the ratings before, the ratings proposed, and the review. */
    static final List<CsvColumn<AssessmentTask>> TASKS = List.of(
            text("campaign", t -> t.campaign.reference),
            text("campaign_title", t -> t.campaign.title),
            date("period_start", t -> t.campaign.periodStart),
            date("period_end", t -> t.campaign.periodEnd),
            code("campaign_status", t -> t.campaign.status),
            text("risk", t -> t.risk.reference),
            text("risk_title", t -> t.risk.title),
            text("org_unit", t -> t.risk.orgUnit),
            text("assessor", t -> t.assignee),
            code("status", t -> t.status),
            number("before_inherent_likelihood", t -> t.beforeInherentLikelihood),
            number("before_inherent_impact", t -> t.beforeInherentImpact),
            number("before_inherent_score", t -> t.beforeInherent().score()),
            number("before_residual_likelihood", t -> t.beforeResidualLikelihood),
            number("before_residual_impact", t -> t.beforeResidualImpact),
            number("before_residual_score", t -> t.beforeResidual().score()),
            number("inherent_likelihood", t -> t.inherentLikelihood),
            number("inherent_impact", t -> t.inherentImpact),
            number("inherent_score", t -> t.inherent().score()),
            code("inherent_band", t -> t.inherent().band()),
            number("residual_likelihood", t -> t.residualLikelihood),
            number("residual_impact", t -> t.residualImpact),
            number("residual_score", t -> t.residual().score()),
            code("residual_band", t -> t.residual().band()),
            text("residual_comment", t -> t.residualComment),
            text("assessor_comment", t -> t.assessorComment),
            text("submitted_by", t -> t.review.submittedBy),
            instant("submitted_at", t -> t.review.submittedAt),
            text("reviewed_by", t -> t.review.reviewedBy),
            instant("reviewed_at", t -> t.review.reviewedAt),
            text("review_comment", t -> t.review.reviewComment));

    /** One row per control rated in a campaign. */
    static final List<CsvColumn<AssessmentControl>> CONTROLS = List.of(
            text("campaign", a -> a.task.campaign.reference),
            text("risk", a -> a.task.risk.reference),
            text("control", a -> a.control.reference),
            text("control_title", a -> a.control.title),
            code("status", a -> a.task.status),
            code("before_design", a -> a.beforeDesign),
            code("before_operating", a -> a.beforeOperating),
            code("design_effectiveness", a -> a.designEffectiveness),
            code("operating_effectiveness", a -> a.operatingEffectiveness),
            text("comment", a -> a.comment));
}
