package org.opregister.reference;

/** Where a stored FX rate came from. */
@io.quarkus.qute.TemplateEnum
public enum FxSource {
    /** An ECB reference-rate file ({@code Date,USD,JPY,...}). */
    ECB_FILE,
    /** A plain {@code currency,date,rate} file. */
    CSV_FILE,
    /** Typed in by a manager, with a reason. */
    MANUAL
}
