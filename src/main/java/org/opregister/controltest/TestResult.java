package org.opregister.controltest;

import io.quarkus.qute.TemplateEnum;

import org.opregister.control.Effectiveness;

/** What the test found; once signed off it becomes the control's operating effectiveness. */
@TemplateEnum
public enum TestResult {

    EFFECTIVE(Effectiveness.EFFECTIVE), PARTIALLY_EFFECTIVE(Effectiveness.PARTIALLY_EFFECTIVE), INEFFECTIVE(
            Effectiveness.INEFFECTIVE);

    public final Effectiveness effectiveness;

    TestResult(Effectiveness effectiveness) {
        this.effectiveness = effectiveness;
    }

    /** Not fully effective: the test page offers an action plan. */
    public boolean failed() {
        return this != EFFECTIVE;
    }
}
