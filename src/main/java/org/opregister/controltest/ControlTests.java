package org.opregister.controltest;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.opregister.risk.Control;

/** A control's tests, for the control page ({@code inject:controlTests.of(control.id)}). */
@Named("controlTests")
@RequestScoped
public class ControlTests {

    public List<ControlTest> of(Long controlId) {
        Control control = controlId == null ? null : Control.findById(controlId);
        return control == null ? List.of() : ControlTest.of(control);
    }
}
