package org.opregister.controltest;

import io.quarkus.qute.TemplateEnum;

/** A control test is planned (and executed), submitted for sign-off, then signed off by a reviewer. */
@TemplateEnum
public enum TestStatus {
    PLANNED, SUBMITTED, SIGNED_OFF
}
