package org.opregister.action;

import java.util.List;

import io.quarkus.qute.TemplateEnum;

/** Where an action plan stands; overdue is not a status but shown when an open plan is past its due date. */
@TemplateEnum
public enum ActionStatus {

    NOT_STARTED, IN_PROGRESS, PENDING_REVIEW, DONE, CANCELLED;

    public static final List<ActionStatus> OPEN = List.of(NOT_STARTED, IN_PROGRESS, PENDING_REVIEW);

    public boolean open() {
        return OPEN.contains(this);
    }
}
