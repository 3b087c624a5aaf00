package org.opregister.rcsa;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;

import org.opregister.control.Effectiveness;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.risk.Risk;
import org.opregister.risk.RiskRatings;
import org.opregister.web.PostedForm;

/**
 * An assessor's answers as typed: the four ratings with the residual comment, an overall comment, and the design
 * and operating effectiveness of each control of the task (fields {@code design-<id>}, {@code operating-<id>},
 * {@code comment-<id>} by control id).
 */
public class TaskForm {

    public String inherentLikelihood;
    public String inherentImpact;
    public String residualLikelihood;
    public String residualImpact;
    public String residualComment;
    public String assessorComment;
    public String version;
    public List<ControlAnswer> controls = new ArrayList<>();

    /** One control's answer; {@code field(...)} names its inputs. */
    public record ControlAnswer(AssessmentControl rating, String design, String operating, String comment) {

        public String designField() {
            return "design-" + rating.control.id;
        }

        public String operatingField() {
            return "operating-" + rating.control.id;
        }

        public String commentField() {
            return "comment-" + rating.control.id;
        }
    }

    public static TaskForm from(MultivaluedMap<String, String> posted, List<AssessmentControl> ratings) {
        TaskForm form = PostedForm.bind(posted, TaskForm.class);
        for (AssessmentControl rating : ratings) {
            String id = Long.toString(rating.control.id);
            form.controls
                    .add(new ControlAnswer(rating, posted.getFirst("design-" + id), posted.getFirst("operating-" + id),
                            posted.getFirst("comment-" + id)));
        }
        return form;
    }

    public static TaskForm of(AssessmentTask task, List<AssessmentControl> ratings) {
        TaskForm form = new TaskForm();
        form.inherentLikelihood = Integer.toString(task.inherentLikelihood);
        form.inherentImpact = Integer.toString(task.inherentImpact);
        form.residualLikelihood = Integer.toString(task.residualLikelihood);
        form.residualImpact = Integer.toString(task.residualImpact);
        form.residualComment = task.residualComment;
        form.assessorComment = task.assessorComment;
        form.version = Long.toString(task.version);
        for (AssessmentControl rating : ratings) {
            form.controls.add(new ControlAnswer(rating, rating.designEffectiveness.name(),
                    rating.operatingEffectiveness.name(), rating.comment));
        }
        return form;
    }

    /** One control's checked ratings, by control id. */
    record ControlRating(long controlId, Effectiveness design, Effectiveness operating, String comment) {
    }

    /**
     * The answers as checked values (null when a field failed), the version seen and the problems found, which the
     * service reports once it has checked the stored task.
     */
    record Answers(RiskRatings ratings, String assessorComment, List<ControlRating> controls, Long version,
            FieldErrors errors) {

        /** Copies the answers onto the task and its control ratings (as loaded with the task, matched by control). */
        void applyTo(AssessmentTask task, List<AssessmentControl> stored) {
            task.apply(ratings);
            task.assessorComment = assessorComment;
            for (ControlRating answer : controls) {
                stored.stream().filter(r -> r.control.id.equals(answer.controlId())).findFirst().ifPresent(rating -> {
                    rating.designEffectiveness = answer.design();
                    rating.operatingEffectiveness = answer.operating();
                    rating.comment = answer.comment();
                });
            }
        }
    }

    /** Checks every answer. */
    Answers parse(FieldErrors errors) {
        FormInput input = new FormInput(errors);
        RiskRatings ratings = RiskRatings.read(input, inherentLikelihood, inherentImpact, residualLikelihood,
                residualImpact, residualComment);
        String comment = input.text("assessorComment", assessorComment, false, Risk.TEXT_MAX);
        List<ControlRating> ratingsByControl = new ArrayList<>();
        for (ControlAnswer answer : controls) {
            Effectiveness design = input.choice(answer.designField(), answer.design, Effectiveness.class, true);
            Effectiveness operating = input.choice(answer.operatingField(), answer.operating, Effectiveness.class,
                    true);
            String note = input.text(answer.commentField(), answer.comment, false, Risk.COMMENT_MAX);
            ratingsByControl.add(new ControlRating(answer.rating.control.id, design, operating, note));
        }
        return new Answers(ratings, comment, ratingsByControl, FormInput.id(version), errors);
    }
}
