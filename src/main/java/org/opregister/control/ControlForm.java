package org.opregister.control;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.security.Staff;

/** The control form (and API body) as typed. */
public class ControlForm {

    public String title;
    public String description;
    public String type;
    public String nature;
    public String frequency;
    public String owner;
    public String attester;
    public String designEffectiveness;
    public String operatingEffectiveness;
    public String keyControl;
    public String version;

    public static ControlForm blank() {
        ControlForm form = new ControlForm();
        form.designEffectiveness = Effectiveness.NOT_TESTED.name();
        form.operatingEffectiveness = Effectiveness.NOT_TESTED.name();
        return form;
    }

    public static ControlForm of(Control control) {
        ControlForm form = new ControlForm();
        form.title = control.title;
        form.description = control.description;
        form.type = control.type.name();
        form.nature = control.nature.name();
        form.frequency = control.frequency.name();
        form.owner = control.owner;
        form.attester = control.attester;
        form.designEffectiveness = control.designEffectiveness.name();
        form.operatingEffectiveness = control.operatingEffectiveness.name();
        form.keyControl = control.keyControl ? "true" : null;
        form.version = Long.toString(control.version);
        return form;
    }

    public boolean keyControlChecked() {
        return "true".equalsIgnoreCase(keyControl) || "on".equalsIgnoreCase(keyControl);
    }

    /**
     * Checks every field into a {@link ControlData}; the problems go to {@code errors} (the data is only meaningful
     * when there is none). A new control ({@code stored} null) gets the effectiveness chosen; an existing one keeps
     * it, as it changes only through an approved assessment, a signed-off test or a manager's override: an
     * effectiveness given must be the stored one, one left out is kept.
     */
    public ControlData parse(FieldErrors errors, Control stored) {
        FormInput input = new FormInput(errors);
        String parsedTitle = input.text("title", title, true, Control.TITLE_MAX);
        String parsedDescription = input.text("description", description, false, Control.TEXT_MAX);
        ControlType parsedType = input.choice("type", type, ControlType.class, true);
        ControlNature parsedNature = input.choice("nature", nature, ControlNature.class, true);
        ControlFrequency parsedFrequency = input.choice("frequency", frequency, ControlFrequency.class, true);
        String parsedOwner = input.text("owner", owner, true, Control.NAME_MAX);
        String parsedAttester = Staff.check(input, "attester", attester);
        Effectiveness design = stored == null
                ? input.choice("designEffectiveness", designEffectiveness, Effectiveness.class, true)
                : current(input, "designEffectiveness", designEffectiveness, stored.designEffectiveness);
        Effectiveness operating = stored == null
                ? input.choice("operatingEffectiveness", operatingEffectiveness, Effectiveness.class, true)
                : current(input, "operatingEffectiveness", operatingEffectiveness, stored.operatingEffectiveness);
        if (keyControl != null && !keyControl.isBlank() && !keyControlChecked()
                && !"false".equalsIgnoreCase(keyControl)) {
            errors.add("keyControl", "error.choice");
        }
        return new ControlData(parsedTitle, parsedDescription, parsedType, parsedNature, parsedFrequency, parsedOwner,
                parsedAttester, design, operating, keyControlChecked(), FormInput.id(version));
    }

    /**
     * A control as checked (for an existing control the effectiveness is the stored one); the version: the one the
     * user loaded, {@code null} when it is not a number.
     */
    public record ControlData(String title, String description, ControlType type, ControlNature nature,
            ControlFrequency frequency, String owner, String attester, Effectiveness designEffectiveness,
            Effectiveness operatingEffectiveness, boolean keyControl, Long version) {

        void applyTo(Control control) {
            control.title = title;
            control.description = description;
            control.type = type;
            control.nature = nature;
            control.frequency = frequency;
            control.owner = owner;
            control.attester = attester;
            control.designEffectiveness = designEffectiveness;
            control.operatingEffectiveness = operatingEffectiveness;
            control.keyControl = keyControl;
        }
    }

    private static Effectiveness current(FormInput input, String field, String given, Effectiveness current) {
        Effectiveness value = input.choice(field, given, Effectiveness.class, false);
        if (value != null && value != current) {
            input.errors().add(field, "error.effectivenessByReviewOnly");
        }
        return current;
    }
}
