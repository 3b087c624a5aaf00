package org.opregister.incident;

import io.quarkus.qute.TemplateEnum;

@TemplateEnum
public enum IncidentStatus {

    DRAFT, OPEN, UNDER_REVIEW, CLOSED;

    /** Under review the incident is what the reviewer decides on, so it is frozen like a closed one. */
    public boolean editable() {
        return this == DRAFT || this == OPEN;
    }
}
