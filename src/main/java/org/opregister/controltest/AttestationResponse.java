package org.opregister.controltest;

import io.quarkus.qute.TemplateEnum;

/** The control owner's answer: the control operated as designed, or it did with exceptions (explained). */
@TemplateEnum
public enum AttestationResponse {
    CERTIFIED, EXCEPTIONS
}
