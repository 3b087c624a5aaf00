package org.opregister.risk;

import java.util.Objects;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.security.Staff;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;

/** The risk form (and API body) as typed. */
public class RiskForm {

    public String title;
    public String description;
    public String eventCategory;
    public String businessLine;
    public String orgUnit;
    public String owner;
    public String assessor;
    public String inherentLikelihood;
    public String inherentImpact;
    public String residualLikelihood;
    public String residualImpact;
    public String residualComment;
    public String appetite;
    public String status;
    public String version;

    public static RiskForm blank() {
        RiskForm form = new RiskForm();
        form.status = RiskStatus.ACTIVE.name();
        return form;
    }

    public static RiskForm of(Risk risk) {
        RiskForm form = new RiskForm();
        form.title = risk.title;
        form.description = risk.description;
        form.eventCategory = risk.eventCategory.name();
        form.businessLine = risk.businessLine.name();
        form.orgUnit = risk.orgUnit;
        form.owner = risk.owner;
        form.assessor = risk.assessor;
        form.inherentLikelihood = Integer.toString(risk.inherentLikelihood);
        form.inherentImpact = Integer.toString(risk.inherentImpact);
        form.residualLikelihood = Integer.toString(risk.residualLikelihood);
        form.residualImpact = Integer.toString(risk.residualImpact);
        form.residualComment = risk.residualComment;
        form.appetite = risk.appetite;
        form.status = risk.status.name();
        form.version = Long.toString(risk.version);
        return form;
    }

    /**
     * Checks every field into a {@link RiskData}; the problems go to {@code errors} (the data is only meaningful when
     * there is none). A new risk ({@code stored} null) gets the ratings typed (with the rating rule); an existing one
     * keeps its current ratings, which change only through an approved assessment or a manager's override: a rating
     * given must be the stored one, a rating left out is kept.
     */
    public RiskData parse(FieldErrors errors, Risk stored) {
        FormInput input = new FormInput(errors);
        String parsedTitle = input.text("title", title, true, Risk.TITLE_MAX);
        String parsedDescription = input.text("description", description, false, Risk.TEXT_MAX);
        EventCategory category = input.choice("eventCategory", eventCategory, EventCategory.class, true);
        BusinessLine line = input.choice("businessLine", businessLine, BusinessLine.class, true);
        String unit = input.text("orgUnit", orgUnit, true, Risk.NAME_MAX);
        String parsedOwner = input.text("owner", owner, true, Risk.NAME_MAX);
        String parsedAssessor = Staff.check(input, "assessor", assessor);
        RiskRatings ratings = stored == null
                ? RiskRatings.read(input, inherentLikelihood, inherentImpact,
                        residualLikelihood, residualImpact, residualComment)
                : null;
        if (stored != null) {
            requireCurrent(input, stored);
        }
        String parsedAppetite = input.text("appetite", appetite, false, Risk.COMMENT_MAX);
        RiskStatus parsedStatus = input.choice("status", status, RiskStatus.class, true);
        return new RiskData(parsedTitle, parsedDescription, category, line, unit, parsedOwner, parsedAssessor, ratings,
                parsedAppetite, parsedStatus, FormInput.id(version));
    }

    /**
     * A risk as checked: the ratings only for a new risk ({@code null} keeps the current ones); the version: the one
     * the user loaded, {@code null} when it is not a number.
     */
    public record RiskData(String title, String description, EventCategory eventCategory, BusinessLine businessLine,
            String orgUnit, String owner, String assessor, RiskRatings ratings, String appetite, RiskStatus status,
            Long version) {

        void applyTo(Risk risk) {
            risk.title = title;
            risk.description = description;
            risk.eventCategory = eventCategory;
            risk.businessLine = businessLine;
            risk.orgUnit = orgUnit;
            risk.owner = owner;
            risk.assessor = assessor;
            if (ratings != null) {
                ratings.applyTo(risk);
            }
            risk.appetite = appetite;
            risk.status = status;
        }
    }

    private void requireCurrent(FormInput input, Risk risk) {
        requireCurrent(input, "inherentLikelihood", inherentLikelihood, risk.inherentLikelihood);
        requireCurrent(input, "inherentImpact", inherentImpact, risk.inherentImpact);
        requireCurrent(input, "residualLikelihood", residualLikelihood, risk.residualLikelihood);
        requireCurrent(input, "residualImpact", residualImpact, risk.residualImpact);
        if (residualComment != null) {
            String comment = input.text("residualComment", residualComment, false, Risk.COMMENT_MAX);
            if (!input.errors().has("residualComment") && !Objects.equals(comment, risk.residualComment)) {
                input.errors().add("residualComment", "error.ratingsByReviewOnly");
            }
        }
    }

    private static void requireCurrent(FormInput input, String field, String given, int current) {
        if (given == null) {
            return;
        }
        Integer value = input.whole(field, given, false, 1, 5);
        if (value != null && value != current) {
            input.errors().add(field, "error.ratingsByReviewOnly");
        }
    }
}
