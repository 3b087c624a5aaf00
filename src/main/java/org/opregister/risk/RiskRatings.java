package org.opregister.risk;

import org.opregister.core.FormInput;

/**
 * Inherent and residual ratings with the comment on the residual one, as one risk form or one assessment has
 * them: the residual score may exceed the inherent score only with a comment.
 */
public record RiskRatings(Rating inherent, Rating residual, String residualComment) {

    /** The ratings as typed in the fields of those names, or null after adding each problem to the input's errors. */
    public static RiskRatings read(FormInput input, String inherentLikelihood, String inherentImpact,
            String residualLikelihood,
            String residualImpact, String residualComment) {
        Integer il = input.whole("inherentLikelihood", inherentLikelihood, true, 1, 5);
        Integer ii = input.whole("inherentImpact", inherentImpact, true, 1, 5);
        Integer rl = input.whole("residualLikelihood", residualLikelihood, true, 1, 5);
        Integer ri = input.whole("residualImpact", residualImpact, true, 1, 5);
        String comment = input.text("residualComment", residualComment, false, Risk.COMMENT_MAX);
        if (il == null || ii == null || rl == null || ri == null || input.errors().has("residualComment")) {
            return null;
        }
        if (rl * ri > il * ii && comment == null) {
            input.errors().add("residualComment", "error.residualAboveInherent");
            return null;
        }
        return new RiskRatings(new Rating(il, ii), new Rating(rl, ri), comment);
    }

    public static RiskRatings of(Risk risk) {
        return new RiskRatings(risk.inherent(), risk.residual(), risk.residualComment);
    }

    public void applyTo(Risk risk) {
        risk.inherentLikelihood = inherent.likelihood();
        risk.inherentImpact = inherent.impact();
        risk.residualLikelihood = residual.likelihood();
        risk.residualImpact = residual.impact();
        risk.residualComment = residualComment;
    }

}
