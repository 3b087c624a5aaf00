package org.opregister.controltest;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.web.LikePattern;
import org.opregister.web.Where;

/** The control-test list's filters (page, API and export): text (reference, control), status, result. */
public record ControlTestFilter(String text, TestStatus status, TestResult result) {

    /** The filters as typed; a bad value is a field error and that filter is left out. */
    public static ControlTestFilter parse(String q, String status, String result, FieldErrors errors) {
        FormInput input = new FormInput(errors);
        return new ControlTestFilter(input.text("q", q, false, 200),
                input.choice("status", status, TestStatus.class, false),
                input.choice("result", result, TestResult.class, false));
    }

    Where where() {
        String like = " like :q" + LikePattern.ESCAPE;
        return new Where()
                .and("(lower(reference)" + like + " or lower(control.reference)" + like + " or lower(control.title)"
                        + like
                        + ")", "q", text == null ? null : LikePattern.contains(text))
                .and("status = :status", "status", status)
                .and("result = :result", "result", result);
    }
}
