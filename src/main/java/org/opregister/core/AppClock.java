package org.opregister.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;

/** The one clock of the application (UTC), replaceable in tests. */
@ApplicationScoped
public class AppClock {

    @Produces
    @ApplicationScoped
    @Unremovable
    Clock clock() {
        return Clock.systemUTC();
    }

    /** A clock set by a test (due dates, overdue, reminders against a fixed day); null in normal running. */
    private static volatile Clock fixed;

    public static Clock clockInUse() {
        Clock override = fixed;
        return override != null ? override : Arc.container().instance(Clock.class).get();
    }

    /** Fixes the application's time to the given clock, or back to the system clock with null. */
    public static void fix(Clock clock) {
        fixed = clock;
    }

    public static Instant now() {
        return Instant.now(clockInUse());
    }

    public static LocalDate today() {
        return LocalDate.now(clockInUse());
    }
}
