package org.opregister.risk;

import static org.opregister.web.CsvOutput.code;
import static org.opregister.web.CsvOutput.date;
import static org.opregister.web.CsvOutput.instant;
import static org.opregister.web.CsvOutput.text;

import java.io.OutputStream;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.opregister.web.CsvOutput;

/** Assessment results as CSV: one row per risk per campaign, and one per control rating. Columns in README. */
final class AssessmentCsv {

    static final String[] TASK_COLUMNS = {"campaign", "campaign_title", "period_start", "period_end", "campaign_status",
        "risk", "risk_title", "org_unit", "assessor", "status", "before_inherent_likelihood", "before_inherent_impact",
        "before_inherent_score", "before_residual_likelihood", "before_residual_impact", "before_residual_score",
        "inherent_likelihood", "inherent_impact", "inherent_score", "inherent_band", "residual_likelihood",
        "residual_impact", "residual_score", "residual_band", "residual_comment", "assessor_comment", "submitted_by",
        "submitted_at", "reviewed_by", "reviewed_at", "review_comment"};

    static final String[] CONTROL_COLUMNS = {"campaign", "risk", "control", "control_title", "status", "before_design",
        "before_operating", "design_effectiveness", "operating_effectiveness", "comment"};

    /** Writes the rows of one campaign (by reference), or of all campaigns when null; answers the row count. */
    @FunctionalInterface
    interface Writer {
        long write(String campaign, OutputStream out, EntityManager em);
    }

    private AssessmentCsv() {
    }

    static long writeTasks(String campaign, OutputStream out, EntityManager em) {
        long[] count = {0};
        try (Stream<AssessmentTask> rows = AssessmentTask.streamForExport(campaign);
                CsvOutput csv = new CsvOutput(out, TASK_COLUMNS)) {
            rows.forEach(t -> {
                AssessmentCampaign c = t.campaign;
                Risk r = t.risk;
                csv.row(text(c.reference), text(c.title), date(c.periodStart), date(c.periodEnd), code(c.status),
                        text(r.reference), text(r.title), text(r.orgUnit), text(t.assignee), code(t.status),
                        n(t.beforeInherentLikelihood), n(t.beforeInherentImpact), n(t.beforeInherent().score()),
                        n(t.beforeResidualLikelihood), n(t.beforeResidualImpact), n(t.beforeResidual().score()),
                        n(t.inherentLikelihood), n(t.inherentImpact), n(t.inherent().score()), code(t.inherent().band()),
                        n(t.residualLikelihood), n(t.residualImpact), n(t.residual().score()), code(t.residual().band()),
                        text(t.residualComment), text(t.assessorComment), text(t.submittedBy), instant(t.submittedAt),
                        text(t.reviewedBy), instant(t.reviewedAt), text(t.reviewComment));
                if (++count[0] % CsvOutput.CLEAR_EVERY == 0) {
                    em.clear();
                }
            });
        }
        return count[0];
    }

    static long writeControls(String campaign, OutputStream out, EntityManager em) {
        long[] count = {0};
        try (Stream<AssessmentControl> rows = AssessmentControl.streamForExport(campaign);
                CsvOutput csv = new CsvOutput(out, CONTROL_COLUMNS)) {
            rows.forEach(a -> {
                csv.row(text(a.task.campaign.reference), text(a.task.risk.reference), text(a.control.reference),
                        text(a.control.title), code(a.task.status), code(a.beforeDesign), code(a.beforeOperating),
                        code(a.designEffectiveness), code(a.operatingEffectiveness), text(a.comment));
                if (++count[0] % CsvOutput.CLEAR_EVERY == 0) {
                    em.clear();
                }
            });
        }
        return count[0];
    }

    private static String n(int value) {
        return Integer.toString(value);
    }
}
