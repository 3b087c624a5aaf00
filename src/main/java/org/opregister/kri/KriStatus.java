package org.opregister.kri;

import io.quarkus.qute.TemplateEnum;

/** A value's standing against its thresholds; red is a breach. */
@TemplateEnum
public enum KriStatus {
    GREEN, AMBER, RED
}
