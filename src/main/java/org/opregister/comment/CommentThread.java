package org.opregister.comment;

import java.util.List;

/** A record's thread as its page shows it: the comments, where the form posts, and what was typed (refused post). */
public record CommentThread(List<Comment> comments, String postUrl, String typed) {

    public static CommentThread of(Commentable record, String postUrl, String typed) {
        return new CommentThread(Comment.thread(record), postUrl, typed == null ? "" : typed);
    }
}
