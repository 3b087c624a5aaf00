package org.opregister.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

    /**
     * A file uploaded for one part of an import ({@link ImportPart#FILES}): its name and how to read it (streamed
     * into the database when queued).
     */
    public record Upload(String part, String fileName, Source data) {

        /** A file held in memory (a test's, say). */
        public Upload(String part, String fileName, byte[] data) {
            this(part, fileName, () -> new ByteArrayInputStream(data));
        }
    }

    /** Opens the bytes of an upload, each time anew. */
    public interface Source {

        InputStream open() throws IOException;
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
     * see {@link ImportMapping}; null for none). Each file is streamed into the database as it is read.
     */
    @Transactional
    public ImportJob queue(List<Upload> files, boolean dryRun, String username, String mapping) {
        ImportJob job = job(dryRun, username, mapping);
        for (String part : ImportPart.FILES) {
            files.stream().filter(f -> f.part().equals(part)).findFirst().ifPresent(file -> {
                String sha256;
                try {
                    sha256 = ImportFile.store(job.id, part, file.data().open());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                job.parts.add(ImportPart.file(part, name(file.fileName()), sha256));
            });
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
        return again(dryRun, false, username, dryRun.mapping);
    }

    /** A new job of another job's files, copied in the database. */
    private static ImportJob again(ImportJob from, boolean dryRun, String username, String mapping) {
        ImportJob job = job(dryRun, username, mapping);
        for (ImportPart file : from.files()) {
            ImportFile.copy(from.id, job.id, file.part);
            job.parts.add(ImportPart.file(file.part, file.fileName, file.sha256));
        }
        return job;
    }

    private static ImportJob job(boolean dryRun, String username, String mapping) {
        ImportJob job = new ImportJob();
        job.mapping = mapping == null || mapping.isEmpty() ? null : mapping;
        job.dryRun = dryRun;
        job.startedBy = username;
        job.queuedAt = AppClock.now();
        job.persist();
        return job;
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
        return again(job, true, username, text);
    }

    private static String name(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }
}
