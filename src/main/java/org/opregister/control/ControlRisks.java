package org.opregister.control;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * The risks a control mitigates, as its page, its export and the API show them, and the active risks that can still
 * be linked. The risk register keeps the links and supplies them through {@link Source}, so that this module need
 * not know it.
 */
public record ControlRisks(List<Line> linked, List<Line> linkable) {

    /** A risk as a line on the control's page: its reference and title, and its residual rating. */
    @TemplateData
    public record Line(long id, String reference, String title, Rating residual) {
    }

    /** A rating as the rating badge shows it: likelihood × impact = score, coloured by band. */
    @TemplateData
    public record Rating(int likelihood, int impact, int score, Enum<?> band) {
    }

    /** Implemented by the module that keeps the links between risks and controls. */
    public interface Source {

        /** The risks linked to the control (by reference) and the active ones not linked yet. */
        ControlRisks of(Control control);

        /** The references of the risks linked to the control, in order. */
        List<String> referencesOf(Control control);
    }
}
