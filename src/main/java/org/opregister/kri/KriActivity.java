package org.opregister.kri;

import io.quarkus.qute.TemplateEnum;

/** An indicator in use, or retired (kept with its history, no longer measured). */
@TemplateEnum
public enum KriActivity {
    ACTIVE, RETIRED
}
