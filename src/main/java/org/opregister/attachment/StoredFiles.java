package org.opregister.attachment;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.InvalidInputException;
import org.opregister.core.OpriskConfig;

/**
 * The one way a file is taken in, kept and handed out, for control-test evidence and for the attachments of incidents
 * and action plans alike: the size limit and accepted types of {@code oprisk.evidence.*}, the type judged by content
 * ({@link FileTypes}), the bytes in the database with a SHA-256, and downloads that a browser never opens. Who may
 * add or remove a file, and when, is the owning feature's rule, checked before it calls here.
 */
@ApplicationScoped
public class StoredFiles {

    public static final int NAME_MAX = 255;

    /** The form field of an upload. */
    public static final String FIELD = "file";

    @Inject
    OpriskConfig config;

    public long maxBytes() {
        return config.evidence().maxBytes();
    }

    public Set<String> allowedTypes() {
        return config.evidence().allowedTypes();
    }

    /** What the upload forms say is accepted: the types and the size limit. */
    public String limits() {
        return String.join(", ", new TreeSet<>(allowedTypes())) + "; " + (maxBytes() / (1024 * 1024)) + " MB";
    }

    /**
     * The bytes of a posted file; none posted reads as empty (refused by {@link #store}). A file over the limit is
     * refused before it is read.
     */
    public byte[] read(FileUpload upload) {
        if (upload != null && upload.size() > maxBytes()) {
            throw new InvalidInputException(tooLarge());
        }
        try {
            return upload == null || upload.uploadedFile() == null
                    ? new byte[0]
                    : Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new InvalidInputException(new FieldErrors().add(FIELD, "error.evidenceEmpty"));
        }
    }

    /**
     * Checks the file (not empty, not over the limit, a plain name, content of an accepted type matching the name),
     * stores its bytes and persists {@code file} with its description; a refusal is an {@link InvalidInputException}
     * on the field {@value #FIELD}.
     */
    public <T extends StoredFile> T store(T file, String fileName, byte[] data) {
        String name = FormInput.trimmed(fileName);
        FieldErrors errors = new FieldErrors();
        if (name == null || data == null || data.length == 0) {
            errors.add(FIELD, "error.evidenceEmpty");
        } else if (data.length > maxBytes()) {
            errors = tooLarge();
        } else if (name.length() > NAME_MAX || name.contains("/") || name.contains("\\")) {
            errors.add(FIELD, "error.evidenceName");
        }
        String type = errors.any() ? null : FileTypes.check(name, data, allowedTypes());
        if (!errors.any() && type == null) {
            errors.add(FIELD, "error.evidenceType", String.join(", ", new TreeSet<>(allowedTypes())));
        }
        Edits.failIfAny(errors);
        FileContent content = new FileContent();
        content.data = data;
        content.persist();
        file.content = content;
        file.fileName = name;
        file.contentType = type;
        file.size = data.length;
        file.sha256 = sha256(data);
        file.persist();
        return file;
    }

    /** Removes a file and its bytes, if {@code version} is the one the user saw (409 otherwise). */
    public void remove(StoredFile file, long version) {
        Edits.requireVersion(version, file.version);
        FileContent content = file.content;
        file.delete();
        content.delete();
    }

    /** Attaches a file to the record (the caller has checked the user may change it). */
    public Attachment attach(Attachable record, String fileName, byte[] data) {
        Attachment attachment = new Attachment();
        attachment.record = record;
        attachment.recordType = record.attachmentRecordType();
        attachment.recordId = record.attachmentRecordId();
        return store(attachment, fileName, data);
    }

    /** Removes one of the record's files (the caller has checked the user may change it). */
    public void detach(Attachable record, long attachmentId, long version) {
        remove(Attachment.of(record, attachmentId), version);
    }

    /**
     * A stored file is always downloaded, never shown in the browser: as an attachment, with the type its content was
     * checked for, in a sandbox, not cached.
     */
    public static Response download(StoredFile file) {
        String ascii = file.fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(file.fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(file.content.data, file.contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Cache-Control", "no-store")
                .build();
    }

    private FieldErrors tooLarge() {
        return new FieldErrors().add(FIELD, "error.evidenceTooLarge", maxBytes() / (1024 * 1024));
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
