package org.opregister.action;

import io.quarkus.qute.TemplateEnum;

@TemplateEnum
public enum ExtensionStatus {
    PENDING, APPROVED, REFUSED
}
