package org.opregister.incident;

import io.quarkus.qute.TemplateEnum;

@TemplateEnum
public enum IncidentStatus {
    DRAFT, OPEN, UNDER_REVIEW, CLOSED;

    public boolean editable() {
        return this != CLOSED;
    }
}
