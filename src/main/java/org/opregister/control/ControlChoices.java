package org.opregister.control;

import java.util.List;

/** What the control forms offer. */
public record ControlChoices(List<ControlType> controlTypes, List<ControlNature> natures,
        List<ControlFrequency> frequencies, List<Effectiveness> effectiveness) {

    public static final ControlChoices INSTANCE = new ControlChoices(List.of(ControlType.values()),
            List.of(ControlNature.values()), List.of(ControlFrequency.values()), List.of(Effectiveness.values()));
}
