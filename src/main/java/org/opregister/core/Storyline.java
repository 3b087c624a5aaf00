package org.opregister.core;

import java.time.Instant;

/**
 * Seeding an example as it happened: while a step runs, records are stamped and audited as done by the step's
 * person at the step's time, and the audit trail marks them as seeded. Only seeding uses it, on its own thread.
 */
public final class Storyline {

    /** Who did a step of the story, when, and an optional note for the trail (a reason, a comment). */
    public record Step(Instant at, String username, String note) {
    }

    private static final ThreadScoped<Step> CURRENT = new ThreadScoped<>();

    private Storyline() {
    }

    /** Runs the work as the step; whatever is to be recorded at the step's time must be flushed inside it. */
    public static void run(Step step, Runnable work) {
        CURRENT.run(step, work);
    }

    /** The step being seeded on this thread, or null (always, outside seeding). */
    public static Step current() {
        return CURRENT.get();
    }
}
