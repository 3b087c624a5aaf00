package org.opregister.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

import org.opregister.core.TrackedEntity;

/**
 * What every stored file records besides its owner: its name, the type found in its content, its size and SHA-256,
 * and its bytes kept apart ({@link FileContent}). Filled in only by {@link StoredFiles#store}, after the checks.
 */
@MappedSuperclass
public abstract class StoredFile extends TrackedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "content_id", nullable = false, updatable = false)
    public FileContent content;

    @Column(name = "file_name", nullable = false, length = StoredFiles.NAME_MAX)
    public String fileName;

    @Column(name = "content_type", nullable = false, length = 100)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long size;

    @Column(nullable = false, length = 64)
    public String sha256;
}
