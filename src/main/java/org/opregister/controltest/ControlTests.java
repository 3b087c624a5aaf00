package org.opregister.controltest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.opregister.control.Control;
import org.opregister.control.ControlTestHistory;

/** A control's tests, for the control's page. */
@ApplicationScoped
public class ControlTests implements ControlTestHistory {

    @Override
    public List<Line> of(Control control) {
        return ControlTest.of(control).stream().map(test -> new Line(test.id, test.reference, test.periodStart,
                test.periodEnd, test.tester, test.status, test.result)).toList();
    }
}
