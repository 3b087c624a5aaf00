package org.opregister.attachment;

import java.util.List;

/**
 * A record's files as its page shows them: the files, the address they are posted to and downloaded from
 * ({@code base}/{id}, {@code base}/{id}/delete), whether this user may add and remove them, and the accepted types.
 */
public record AttachmentPanel(List<Attachment> files, String base, boolean canChange, String limits) {

    public static AttachmentPanel of(Attachable record, String base, boolean canChange, StoredFiles files) {
        return new AttachmentPanel(Attachment.of(record), base, canChange, files.limits());
    }
}
