package org.opregister.kri;

import io.quarkus.qute.TemplateEnum;

/**
 * A breach is open while the KRI stays red, closed once a later value is not red; withdrawn when the red values were
 * corrected.
 */
@TemplateEnum
public enum BreachStatus {
    OPEN, CLOSED, WITHDRAWN
}
