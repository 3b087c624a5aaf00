package org.opregister.control;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/** A manager's override of a control's design and operating effectiveness (form and API body), with the reason. */
public class EffectivenessOverrideForm {

    public String designEffectiveness;
    public String operatingEffectiveness;
    public String reason;
    public String version;

    public static EffectivenessOverrideForm of(Control control) {
        EffectivenessOverrideForm form = new EffectivenessOverrideForm();
        form.designEffectiveness = control.designEffectiveness.name();
        form.operatingEffectiveness = control.operatingEffectiveness.name();
        form.version = Long.toString(control.version);
        return form;
    }

    /** The effectiveness, the reason and the version the user loaded; problems go to the errors. */
    public EffectivenessOverride parse(FieldErrors errors) {
        FormInput input = new FormInput(errors);
        long expected = input.version("version", version);
        Effectiveness design = input.choice("designEffectiveness", designEffectiveness, Effectiveness.class, true);
        Effectiveness operating = input.choice("operatingEffectiveness", operatingEffectiveness, Effectiveness.class,
                true);
        String why = input.text("reason", reason, true, Control.COMMENT_MAX);
        return new EffectivenessOverride(design, operating, why, expected);
    }

    public record EffectivenessOverride(Effectiveness design, Effectiveness operating, String reason, long version) {
    }
}
