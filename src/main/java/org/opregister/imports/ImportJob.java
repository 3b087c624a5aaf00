package org.opregister.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.opregister.core.AppClock;
import org.opregister.core.NotAudited;

/**
 * One import as asked for: its files (names and SHA-256 in its {@link ImportPart parts}; the bytes in
 * {@link ImportFile}), who started it, whether it is a dry run, where it stands and, once finished, what it did and
 * every bad cell. Not business data, so not in the
 * audit trail itself: a kept import writes one entry there ({@code IMPORT}).
 */
@Entity
@NotAudited
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_job_seq")
    @SequenceGenerator(name = "import_job_seq", sequenceName = "import_job_seq", allocationSize = 50)
    public Long id;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ImportStatus status = ImportStatus.QUEUED;

    /** Its files, and the links they set, with what the import did with each (in {@link ImportPart#ORDER}). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "import_part", joinColumns = @JoinColumn(name = "job_id"))
    public List<ImportPart> parts = new ArrayList<>();

    @Column(name = "started_by", nullable = false, length = 64)
    public String startedBy;

    @Column(name = "queued_at", nullable = false)
    public Instant queuedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "claimed_by", length = 100)
    public String claimedBy;

    @Column(name = "rows_read", nullable = false)
    public int rowsRead;

    @Column(name = "error_count", nullable = false)
    public int errorCount;

    /** The bad cells kept (JSON), the first {@link ImportReport#MAX_KEPT}. */
    @Column(length = 200000)
    String errors;

    /** What went wrong when the import could not run to its end (not a bad cell). */
    @Column(length = 2000)
    public String failure;

    /** The column mapping the files are read with (see {@link ImportMapping}); null for none. */
    @Column(length = ImportMapping.TEXT_MAX)
    public String mapping;

    /** The headings this job could not place: the columns its bad cells call unknown. */
    public List<String> unknownColumns() {
        return problems().stream().filter(p -> "imports.error.unknownColumn".equals(p.key()))
                .map(ImportProblem::column).distinct().toList();
    }

    public List<ImportProblem> problems() {
        if (errors == null) {
            return List.of();
        }
        try {
            return JSON.readValue(errors, new TypeReference<List<ImportProblem>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the outcome: done, rejected for bad cells, or failed with that reason. */
    void finish(ImportReport report, String reason) {
        rowsRead = report.rowsRead;
        for (String code : ImportPart.ORDER) {
            int[] counts = report.counts(code);
            if (counts == null) {
                continue;
            }
            ImportPart counted = part(code);
            if (counted == null) {
                counted = new ImportPart();
                counted.part = code;
                parts.add(counted);
            }
            counted.created = counts[ImportReport.CREATED];
            counted.updated = counts[ImportReport.UPDATED];
            counted.skipped = counts[ImportReport.SKIPPED];
            counted.removed = counts[ImportReport.REMOVED];
        }
        parts.sort(java.util.Comparator.comparingInt(p -> ImportPart.ORDER.indexOf(p.part)));
        errorCount = report.errorCount;
        try {
            errors = report.problems.isEmpty() ? null : JSON.writeValueAsString(report.problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        failure = reason == null ? null : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        status = reason != null ? ImportStatus.FAILED : report.failed() ? ImportStatus.REJECTED : ImportStatus.DONE;
        finishedAt = AppClock.now();
    }

    /** That part of the job (a file, or the links), or null when it has none. */
    public ImportPart part(String code) {
        return parts.stream().filter(p -> p.part.equals(code)).findFirst().orElse(null);
    }

    /** The job's files, in the order they are imported. */
    public List<ImportPart> files() {
        return parts.stream().filter(ImportPart::isFile).toList();
    }

    /** The names of its files, for a line of text. */
    public String fileNames() {
        return String.join(", ", files().stream().map(p -> p.fileName).toList());
    }

    public boolean finished() {
        return status.finished();
    }

    /** A dry run that found nothing wrong: its files may now be imported. */
    public boolean importable() {
        return dryRun && status == ImportStatus.DONE;
    }

    public static List<ImportJob> recent(int howMany) {
        return find("order by queuedAt desc, id desc").page(0, howMany).list();
    }
}
