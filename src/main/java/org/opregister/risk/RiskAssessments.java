package org.opregister.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A risk's assessments as its page lists them, newest period first. The self-assessment module keeps them and
 * supplies them through {@link Source}, so that this one need not know it.
 */
public record RiskAssessments(List<Line> lines) {

    /** One assessment: its campaign, period, status, the ratings before and after, and who approved it. */
    public record Line(long taskId, String campaignReference, String campaignTitle, LocalDate periodStart,
            LocalDate periodEnd, Enum<?> status, Rating beforeInherent, Rating inherent, Rating beforeResidual,
            Rating residual, boolean approved, String reviewedBy, Instant reviewedAt) {
    }

    /** Implemented by the module that runs the assessments. */
    public interface Source {

        RiskAssessments of(Risk risk);
    }
}
