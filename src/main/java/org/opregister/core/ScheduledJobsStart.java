package org.opregister.core;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;

/**
 * Lets the scheduled jobs run once start-up is over. Quarkus starts its scheduler before the application's start-up
 * observers (priority 0); the scheduler is configured to start paused ({@code quarkus.scheduler.start-mode=halted})
 * and this, the last observer, resumes it. A start refused by a check (a missing session key, a ledger in another
 * currency) then stops before any job touched the database, instead of a job failing with a stack trace while the
 * refused start closes the connections.
 */
@ApplicationScoped
public class ScheduledJobsStart {

    /** After every other start-up observer (checks, seeding, data migrations): {@code ScheduledJobsStartTest}. */
    static final int LAST = 100_000;

    @Inject
    Scheduler scheduler;

    void onStart(@Observes @Priority(LAST) StartupEvent event) {
        if (scheduler.isStarted() && !scheduler.isRunning()) {
            scheduler.resume();
        }
    }
}
