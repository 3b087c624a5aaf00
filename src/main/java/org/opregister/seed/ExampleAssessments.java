package org.opregister.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.opregister.control.Effectiveness;
import org.opregister.core.ReferenceCounter;
import org.opregister.rcsa.AssessmentCampaign;
import org.opregister.rcsa.AssessmentControl;
import org.opregister.rcsa.AssessmentService;
import org.opregister.rcsa.AssessmentStatus;
import org.opregister.rcsa.AssessmentTask;
import org.opregister.rcsa.CampaignStatus;
import org.opregister.risk.Risk;

/**
 * Two completed RCSA campaigns of the fictional bank around the outage: the first half of 2024 as assessed in June
 * (before), and the reassessment after 19 July (after), whose approved ratings are the example risks' and
 * controls' current ones. Only the example's own risks are touched, and only to name their assessor when none is set.
 */
@ApplicationScoped
public class ExampleAssessments {

    static final String NAME = "example-case-assessments-v1";

    private static final String OFFICER = "officer";
    private static final String OFFICER2 = "officer2";
    private static final String MANAGER = "manager";
    private static final String REVIEWER2 = "manager2";

    /** Ratings of one risk in the June 2024 assessment: inherent and residual likelihood × impact. */
    private record Before(String title, int il, int ii, int rl, int ri, String comment) {
    }

    private static final List<Before> JUNE_2024 = List.of(
            new Before("Vendor update causes mass outage", 2, 5, 1, 5,
                    "Vendor stages its own content updates and tests them; no outage of this kind in five years."),
            new Before("EDR/OS vendor concentration", 3, 4, 2, 4,
                    "Single EDR vendor accepted under the 2023 vendor strategy; exit plan on paper."),
            new Before("Cannot recover endpoints at scale", 2, 4, 1, 4,
                    "Recovery tested for single hosts; mass recovery not exercised."),
            new Before("Manual-fallback processing errors", 2, 4, 2, 2,
                    "Manual fallback used twice in 2023 without errors."),
            new Before("Late or wrong incident reporting", 3, 3, 1, 3,
                    "Classification and reporting procedure tested in the March 2024 exercise."));

    /** June 2024 control ratings (design, operating), by control title. */
    private static Effectiveness[] june2024(String controlTitle) {
        return switch (controlTitle) {
            case "Staged content rings (5% pilot; N-1 for critical hosts)" ->
                new Effectiveness[]{Effectiveness.NOT_IN_PLACE, Effectiveness.NOT_IN_PLACE};
            case "Independent BitLocker key escrow", "Mass-recovery runbook and boot media" ->
                new Effectiveness[]{Effectiveness.EFFECTIVE, Effectiveness.NOT_TESTED};
            default -> new Effectiveness[]{Effectiveness.EFFECTIVE, Effectiveness.EFFECTIVE};
        };
    }

    public void record() {
        List<Risk> risks = new java.util.ArrayList<>();
        for (Before june : JUNE_2024) {
            risks.add(Risk.find("title = ?1 and orgUnit = ?2", june.title(), ExampleRisks.ORG_UNIT).firstResult());
        }
        if (risks.contains(null)) {
            return;
        }
        for (Risk risk : risks) {
            if (risk.assessor == null) {
                risk.assessor = risk.title.startsWith("Manual-fallback") ? OFFICER2 : OFFICER;
            }
        }

        AssessmentCampaign first = campaign("RCSA first half 2024", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30),
                LocalDate.of(2024, 6, 28),
                "Rate each risk for the first half of 2024 and the controls that mitigate it.",
                Instant.parse("2024-06-27T15:00:00Z"));
        for (int i = 0; i < risks.size(); i++) {
            Risk risk = risks.get(i);
            Before june = JUNE_2024.get(i);
            AssessmentTask task = task(first, risk, june.il(), june.ii(), june.rl(), june.ri(), june.comment());
            task.beforeInherentLikelihood = june.il();
            task.beforeInherentImpact = june.ii();
            task.beforeResidualLikelihood = june.rl();
            task.beforeResidualImpact = june.ri();
            for (AssessmentControl rating : task.controls()) {
                Effectiveness[] ratings = june2024(rating.control.title);
                rating.beforeDesign = ratings[0];
                rating.beforeOperating = ratings[1];
                rating.designEffectiveness = ratings[0];
                rating.operatingEffectiveness = ratings[1];
            }
            approve(task, Instant.parse("2024-06-20T10:00:00Z").plusSeconds(3600L * i),
                    Instant.parse("2024-06-27T09:00:00Z").plusSeconds(600L * i), MANAGER, null);
        }

        AssessmentCampaign after = campaign("Reassessment after the 19 July 2024 outage", LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 9, 30), LocalDate.of(2024, 8, 30),
                "Reassess every risk that materialised in INC-2024-0719-01 in the light of the outage and its losses;"
                        + " rate the controls as they were found on 19 July.",
                Instant.parse("2024-08-30T16:00:00Z"));
        String[] comments = {
                "INC-2024-0719-01: a defective vendor content update crashed 3,400 endpoints and 260 servers within 78 minutes."
                        + " Likelihood raised; no own staged rings (C1 missing).",
                "Every critical service ran on one EDR vendor with no fallback; concentration confirmed by the outage.",
                "Hosts that did not recover by rebooting needed hands-on repair and BitLocker keys; escrow depended on"
                        + " the crashed estate (C3 ineffective).",
                "Duplicate SEPA batch of EUR 1.26 million in manual fallback (LE-02); duplicate check bypassed (C5 failed).",
                "Classified major at 07:10 and reported on time; the procedure worked (C6 effective)."};
        for (int i = 0; i < risks.size(); i++) {
            Risk risk = risks.get(i);
            Before june = JUNE_2024.get(i);
            AssessmentTask task = task(after, risk, risk.inherentLikelihood, risk.inherentImpact,
                    risk.residualLikelihood,
                    risk.residualImpact, comments[i]);
            task.beforeInherentLikelihood = june.il();
            task.beforeInherentImpact = june.ii();
            task.beforeResidualLikelihood = june.rl();
            task.beforeResidualImpact = june.ri();
            for (AssessmentControl rating : task.controls()) {
                Effectiveness[] ratings = june2024(rating.control.title);
                rating.beforeDesign = ratings[0];
                rating.beforeOperating = ratings[1];
                rating.designEffectiveness = rating.control.designEffectiveness;
                rating.operatingEffectiveness = rating.control.operatingEffectiveness;
                rating.comment = "As found during the outage of 19 July 2024.";
            }
            approve(task, Instant.parse("2024-08-26T10:00:00Z").plusSeconds(3600L * i),
                    Instant.parse("2024-08-30T11:00:00Z").plusSeconds(600L * i), i % 2 == 0 ? MANAGER : REVIEWER2,
                    "Agreed; linked to the action plans of INC-2024-0719-01.");
        }
    }

    private static AssessmentCampaign campaign(String title, LocalDate start, LocalDate end, LocalDate due,
            String instructions, Instant completedAt) {
        AssessmentCampaign campaign = new AssessmentCampaign();
        campaign.reference = ReferenceCounter.next("RCSA", end.getYear());
        campaign.title = title;
        campaign.instructions = instructions + " Fictional example (Example Mercantile Bank SE).";
        campaign.periodStart = start;
        campaign.periodEnd = end;
        campaign.dueDate = due;
        campaign.scopeUnits = ExampleRisks.ORG_UNIT;
        campaign.status = CampaignStatus.COMPLETED;
        campaign.closedAt = completedAt;
        campaign.closedBy = MANAGER;
        campaign.persist();
        return campaign;
    }

    private static AssessmentTask task(AssessmentCampaign campaign, Risk risk, int il, int ii, int rl, int ri,
            String comment) {
        AssessmentTask task = AssessmentService.startTask(campaign, risk, risk.assessor);
        task.inherentLikelihood = il;
        task.inherentImpact = ii;
        task.residualLikelihood = rl;
        task.residualImpact = ri;
        task.assessorComment = comment;
        return task;
    }

    private static void approve(AssessmentTask task, Instant submitted, Instant reviewed, String reviewer,
            String note) {
        task.status = AssessmentStatus.APPROVED;
        task.editors.add(task.assignee);
        task.review.submit(task.assignee, submitted);
        task.review.decide(reviewer, reviewed, note);
    }

}
