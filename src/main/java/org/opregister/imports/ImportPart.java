package org.opregister.imports;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A part of an import: one of its files (its name and SHA-256; the bytes are in {@link ImportFile}), or the links
 * between risks and controls its files set (no file of its own), and what the import did or would do with it.
 */
@Embeddable
public class ImportPart {

    static final String CONTROLS = "controls";
    static final String RISKS = "risks";
    static final String LINKS = "links";
    static final String INCIDENTS = "incidents";
    static final String LOSSES = "losses";
    static final String ACTIONS = "actions";

    /** The parts in the order they are imported: what a part names is imported before it. */
    static final List<String> ORDER = List.of(CONTROLS, RISKS, LINKS, INCIDENTS, LOSSES, ACTIONS);

    /** The parts that are files, in the order they are imported. */
    static final List<String> FILES = List.of(CONTROLS, RISKS, INCIDENTS, LOSSES, ACTIONS);

    @Column(nullable = false, length = 10)
    public String part;

    @Column(name = "file_name", length = 255)
    public String fileName;

    @Column(length = 64)
    public String sha256;

    @Column(name = "created_count", nullable = false)
    public int created;

    @Column(name = "updated_count", nullable = false)
    public int updated;

    @Column(name = "skipped_count", nullable = false)
    public int skipped;

    /** Links only: those the files no longer name, removed. */
    @Column(name = "removed_count", nullable = false)
    public int removed;

    static ImportPart file(String part, String fileName, String sha256) {
        ImportPart file = new ImportPart();
        file.part = part;
        file.fileName = fileName;
        file.sha256 = sha256;
        return file;
    }

    /** Whether this part is an uploaded file (the links are not). */
    public boolean isFile() {
        return fileName != null;
    }

    /** Whether this part's counts have a "removed" figure (the links). */
    public boolean removes() {
        return LINKS.equals(part);
    }
}
