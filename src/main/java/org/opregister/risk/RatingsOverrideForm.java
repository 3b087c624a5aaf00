package org.opregister.risk;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/** A manager's override of a risk's current ratings (form and API body): the new ratings and the reason, required. */
public class RatingsOverrideForm {

    public String inherentLikelihood;
    public String inherentImpact;
    public String residualLikelihood;
    public String residualImpact;
    public String residualComment;
    public String reason;
    public String version;

    /** Starts from the risk's current ratings; the reason is the manager's to write. */
    public static RatingsOverrideForm of(Risk risk) {
        RatingsOverrideForm form = new RatingsOverrideForm();
        form.inherentLikelihood = Integer.toString(risk.inherentLikelihood);
        form.inherentImpact = Integer.toString(risk.inherentImpact);
        form.residualLikelihood = Integer.toString(risk.residualLikelihood);
        form.residualImpact = Integer.toString(risk.residualImpact);
        form.residualComment = risk.residualComment;
        form.version = Long.toString(risk.version);
        return form;
    }

    /** The ratings (with the rating rule), the reason and the version the user loaded; problems go to the errors. */
    public RatingsOverride parse(FieldErrors errors) {
        FormInput input = new FormInput(errors);
        long expected = input.version("version", version);
        RiskRatings ratings = RiskRatings.read(input, inherentLikelihood, inherentImpact, residualLikelihood,
                residualImpact, residualComment);
        String why = input.text("reason", reason, true, Risk.COMMENT_MAX);
        return new RatingsOverride(ratings, why, expected);
    }

    public record RatingsOverride(RiskRatings ratings, String reason, long version) {
    }
}
