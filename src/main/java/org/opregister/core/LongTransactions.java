package org.opregister.core;

/**
 * The timeout of the application's longest transactions, an import and a download's read, in seconds: a large one on
 * a busy machine outlasts the default (60 s), which would roll an import back or cut a file off after its 200 status.
 * Nothing else may last longer: the clean-up of abandoned audit spool files relies on it.
 */
public final class LongTransactions {

    public static final int TIMEOUT_SECONDS = 3600;

    private LongTransactions() {
    }
}
