package org.opregister.risk;

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

    /** The effectiveness and reason as checked, or null after adding each problem to the errors. */
    EffectivenessOverride parse(FieldErrors errors) {
        FormInput input = new FormInput(errors);
        Effectiveness design = input.choice("designEffectiveness", designEffectiveness, Effectiveness.class, true);
        Effectiveness operating = input.choice("operatingEffectiveness", operatingEffectiveness, Effectiveness.class,
                true);
        String why = input.text("reason", reason, true, Risk.COMMENT_MAX);
        return errors.any() ? null : new EffectivenessOverride(design, operating, why);
    }

    record EffectivenessOverride(Effectiveness design, Effectiveness operating, String reason) {
    }
}
