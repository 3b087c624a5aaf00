package org.opregister.rcsa;

import io.quarkus.qute.TemplateEnum;

/** Where one risk's self-assessment stands in its campaign; a returned task is in progress again. */
@TemplateEnum
public enum AssessmentStatus {

    NOT_STARTED, IN_PROGRESS, SUBMITTED, APPROVED;

    /** The assessor may still change the answers. */
    public boolean editable() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }
}
