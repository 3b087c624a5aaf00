package org.opregister.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one clock of the application (UTC), replaceable in tests. */
@ApplicationScoped
public class AppClock {

    @Produces
    @ApplicationScoped
    @Unremovable
    Clock clock() {
        return Clock.systemUTC();
    }

    public static Clock clockInUse() {
        return Arc.container().instance(Clock.class).get();
    }

    public static Instant now() {
        return Instant.now(clockInUse());
    }

    public static LocalDate today() {
        return LocalDate.now(clockInUse());
    }
}
