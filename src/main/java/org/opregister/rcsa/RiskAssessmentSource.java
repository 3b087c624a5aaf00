package org.opregister.rcsa;

import jakarta.enterprise.context.ApplicationScoped;

import org.opregister.risk.Risk;
import org.opregister.risk.RiskAssessments;

/** The assessments of a risk, for the risk's page. */
@ApplicationScoped
public class RiskAssessmentSource implements RiskAssessments.Source {

    @Override
    public RiskAssessments of(Risk risk) {
        return new RiskAssessments(AssessmentTask.ofRisk(risk).stream().map(RiskAssessmentSource::line).toList());
    }

    private static RiskAssessments.Line line(AssessmentTask task) {
        return new RiskAssessments.Line(task.id, task.campaign.reference, task.campaign.title,
                task.campaign.periodStart,
                task.campaign.periodEnd, task.status, task.beforeInherent(), task.inherent(), task.beforeResidual(),
                task.residual(), task.status == AssessmentStatus.APPROVED, task.review.reviewedBy,
                task.review.reviewedAt);
    }
}
