package org.opregister.comment;

import org.jboss.resteasy.reactive.RestForm;

/** A record's discussion form as posted; {@link CommentService#post} checks the text. */
public class CommentForm {

    @RestForm(CommentService.FIELD)
    public String comment;

    /** What was typed, to show back in the thread's box when the post is refused. */
    public String typed() {
        return comment == null ? "" : comment;
    }
}
