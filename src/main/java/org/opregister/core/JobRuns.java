package org.opregister.core;

/**
 * Scheduled jobs that must run once per period across every instance sharing the database (each instance has the
 * same schedule). The run is claimed in the job's own transaction: the claim commits with the work or not at all,
 * so a run is never lost to an instance that died half-way, and never done twice.
 */
public final class JobRuns {

    private JobRuns() {
    }

    /**
     * Claims the job's run for the period in the current transaction; false when another instance has done it
     * already (an instance doing it right now makes this wait for its outcome).
     */
    public static boolean claim(String job, String period) {
        return FirstRow.insertIfAbsent("insert into job_run (job, run_key, ran_at) values (?, ?, ?)", job, period,
                AppClock.now());
    }
}
