package org.opregister.core;

/**
 * Work done on a background thread on behalf of a signed-in user (a bulk import they started): while it runs, records
 * are stamped and audited as done by that user, at the time they are done. Outside it the request's identity counts.
 */
public final class Acting {

    private static final ThreadScoped<String> CURRENT = new ThreadScoped<>();

    private Acting() {
    }

    /** Runs the work as that user on this thread. */
    public static void as(String username, Runnable work) {
        CURRENT.run(username, work);
    }

    /** The user this thread works for, or null. */
    public static String current() {
        return CURRENT.get();
    }
}
