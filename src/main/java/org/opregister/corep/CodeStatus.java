package org.opregister.corep;

/**
 * Whether a template code (row or column) was read in a regulatory text or a quotation of it, or is a belief
 * (docs/research/corep-c17-and-sma-reading-notes.md): provisional codes are marked on the pages and in the README.
 */
public enum CodeStatus {

    CONFIRMED, PROVISIONAL;

    CodeStatus and(CodeStatus other) {
        return this == CONFIRMED && other == CONFIRMED ? CONFIRMED : PROVISIONAL;
    }
}
