package org.opregister.action;

import io.quarkus.qute.TemplateEnum;

/** What an action plan remediates. */
@TemplateEnum
public enum SourceType {
    INCIDENT, RISK, CONTROL, KRI_BREACH, CONTROL_TEST
}
