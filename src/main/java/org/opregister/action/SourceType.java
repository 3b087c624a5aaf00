package org.opregister.action;

import io.quarkus.qute.TemplateEnum;

import org.opregister.audit.RecordKind;
import org.opregister.control.Control;
import org.opregister.controltest.ControlTest;
import org.opregister.incident.Incident;
import org.opregister.kri.KriBreach;
import org.opregister.risk.Risk;

/** What an action plan remediates. */
@TemplateEnum
public enum SourceType implements RecordKind {

    INCIDENT(Incident.class), RISK(Risk.class), CONTROL(Control.class), KRI_BREACH(KriBreach.class), CONTROL_TEST(
            ControlTest.class);

    private final Class<?> recordClass;

    SourceType(Class<?> recordClass) {
        this.recordClass = recordClass;
    }

    @Override
    public Class<?> recordClass() {
        return recordClass;
    }
}
