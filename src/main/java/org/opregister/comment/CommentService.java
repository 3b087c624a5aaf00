package org.opregister.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/** Posting to a record's discussion thread; the resources check that the user may comment (officers, managers). */
@ApplicationScoped
public class CommentService {

    /** The field of the thread's form. */
    public static final String FIELD = "comment";

    @Transactional
    public Comment post(Commentable record, String text) {
        FieldErrors errors = new FieldErrors();
        String body = new FormInput(errors).text(FIELD, text, true, Comment.BODY_MAX);
        Edits.failIfAny(errors);
        return Comment.add(record, CommentKind.COMMENT, body);
    }
}
