package org.opregister.imports;

/** Where an import stands: waiting, running, done (a dry run or a kept import), rejected (bad cells) or failed. */
public enum ImportStatus {

    QUEUED, RUNNING, DONE, REJECTED, FAILED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
