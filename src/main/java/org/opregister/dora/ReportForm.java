package org.opregister.dora;

import java.time.Instant;
import java.time.ZoneId;

import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/**
 * A report recorded as submitted: its stage, when (in the zone of {@code oprisk.timezone}), the authority's reference.
 */
public class ReportForm {

    @RestForm
    public String stage;
    @RestForm
    public String submittedAt;
    @RestForm
    public String authorityReference;
    @RestForm
    public String note;

    public record Data(ReportStage stage, Instant submittedAt, String authorityReference, String note) {
    }

    public Data parse(ZoneId zone, FieldErrors errors) {
        FormInput input = new FormInput(errors);
        ReportStage typedStage = input.choice("stage", stage, ReportStage.class, true);
        Instant at = DoraForm.instant("submittedAt", submittedAt, zone, errors);
        if (at == null && !errors.has("submittedAt")) {
            errors.add("submittedAt", "error.required");
        }
        return new Data(typedStage, at, input.text("authorityReference", authorityReference, false,
                DoraReport.REFERENCE_MAX), input.text("note", note, false, DoraReport.NOTE_MAX));
    }
}
