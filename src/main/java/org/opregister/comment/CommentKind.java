package org.opregister.comment;

import io.quarkus.qute.TemplateEnum;

/** What a comment in a thread is: a remark, or the reason a reviewer gave with a decision. */
@TemplateEnum
public enum CommentKind {

    COMMENT, RETURNED_FOR_REWORK, CLOSED, CLOSURE_APPROVED, CLOSURE_RETURNED, CANCELLED;

    public boolean decision() {
        return this != COMMENT;
    }
}
