package org.opregister.imports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opregister.core.AppClock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.Records;
import org.opregister.core.RuleViolationException;

/** Queues imports: the files kept with the job, which {@link ImportRunner} then runs in the background. */
@ApplicationScoped
public class Imports {

    /** A file uploaded for one part of an import ({@link ImportPart#FILES}): its name and its bytes. */
    public record Upload(String part, String fileName, byte[] data) {
    }

    /** A dry run (or an import) of the incidents file and, when given, the loss-lines file. */
    @Transactional
    public ImportJob queue(String fileName, byte[] incidents, String linesName, byte[] lines, boolean dryRun,
            String username) {
        return queue(fileName, incidents, linesName, lines, dryRun, username, null);
    }

    /** The same, the files read through a column mapping (its text, see {@link ImportMapping}; null for none). */
    @Transactional
    public ImportJob queue(String fileName, byte[] incidents, String linesName, byte[] lines, boolean dryRun,
            String username, String mapping) {
        List<Upload> files = new ArrayList<>();
        files.add(new Upload(ImportPart.INCIDENTS, fileName, incidents));
        if (lines != null) {
            files.add(new Upload(ImportPart.LOSSES, linesName, lines));
        }
        return queue(files, dryRun, username, mapping);
    }

    /**
     * A dry run (or an import) of the files uploaded, one at most per part, read through a column mapping (its text,
     * see {@link ImportMapping}; null for none).
     */
    @Transactional
    public ImportJob queue(List<Upload> files, boolean dryRun, String username, String mapping) {
        ImportJob job = new ImportJob();
        job.mapping = mapping == null || mapping.isEmpty() ? null : mapping;
        job.dryRun = dryRun;
        for (String part : ImportPart.FILES) {
            files.stream().filter(f -> f.part().equals(part)).findFirst().ifPresent(
                    file -> job.parts.add(ImportPart.file(part, name(file.fileName()), sha256(file.data()))));
        }
        job.startedBy = username;
        job.queuedAt = AppClock.now();
        job.persist();
        for (ImportPart part : job.parts) {
            files.stream().filter(f -> f.part().equals(part.part)).findFirst()
                    .ifPresent(file -> ImportFile.of(job.id, part.part, file.data()).persist());
        }
        return job;
    }

    /** The import of a dry run's files, once the dry run found nothing wrong (409 otherwise). */
    @Transactional
    public ImportJob importDryRun(long dryRunId, String username) {
        ImportJob dryRun = Records.require(ImportJob.class, dryRunId);
        if (!dryRun.importable()) {
            throw new RuleViolationException("imports.error.notImportable");
        }
        return queue(uploads(dryRun), false, username, dryRun.mapping);
    }

    /** The files of a job, as uploaded. */
    private static List<Upload> uploads(ImportJob job) {
        return job.files().stream()
                .map(part -> new Upload(part.part, part.fileName, ImportFile.read(job.id, part.part))).toList();
    }

    /** The files of an upload read with a saved mapping: its text, or null when none was chosen. */
    @Transactional
    public String savedMapping(String id, FieldErrors errors) {
        if (FormInput.blank(id)) {
            return null;
        }
        Long key = FormInput.id(id);
        ImportMapping saved = key == null ? null : ImportMapping.findById(key);
        if (saved == null) {
            errors.add("mapping", "error.choice");
            return null;
        }
        return saved.mapping;
    }

    /**
     * A new dry run of a job's files, its headings read through the mapping chosen (heading → column code, or
     * {@value ImportMapping#LEAVE_OUT}), added to the job's own; saved under {@code name} when one is given (a mapping
     * of that name is replaced). Bad input: the field errors, nothing queued.
     */
    @Transactional
    public ImportJob remap(long jobId, Map<String, String> chosen, String name, String username) {
        ImportJob job = Records.require(ImportJob.class, jobId);
        FieldErrors errors = new FieldErrors();
        Map<String, String> mapping = new LinkedHashMap<>(ImportMapping.parse(job.mapping));
        chosen.forEach((heading, code) -> {
            String target = FormInput.trimmed(code);
            if (target == null) {
                return;
            }
            if (!target.equals(ImportMapping.LEAVE_OUT) && !Labels.COLUMNS.contains(target)) {
                errors.add("map." + heading, "error.choice");
            } else {
                mapping.put(Labels.normalise(heading), target);
            }
        });
        if (mapping.isEmpty()) {
            errors.add(FieldErrors.FORM, "imports.error.mappingEmpty");
        }
        String text = ImportMapping.text(mapping);
        if (text.length() > ImportMapping.TEXT_MAX) {
            errors.add(FieldErrors.FORM, "error.tooLong", ImportMapping.TEXT_MAX);
        }
        String saveAs = new FormInput(errors).text("name", name, false, ImportMapping.NAME_MAX);
        Edits.failIfAny(errors);
        if (saveAs != null) {
            ImportMapping saved = ImportMapping.<ImportMapping>find("name", saveAs).firstResult();
            if (saved == null) {
                saved = new ImportMapping();
                saved.name = saveAs;
                saved.createdBy = username;
                saved.createdAt = AppClock.now();
                saved.mapping = text;
                saved.persist();
            } else {
                saved.mapping = text;
            }
        }
        return queue(uploads(job), true, username, text);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }
}
