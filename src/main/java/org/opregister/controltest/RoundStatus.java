package org.opregister.controltest;

import io.quarkus.qute.TemplateEnum;

/** A certification round takes answers while open; a manager closes it and its answers are final. */
@TemplateEnum
public enum RoundStatus {
    OPEN, CLOSED
}
