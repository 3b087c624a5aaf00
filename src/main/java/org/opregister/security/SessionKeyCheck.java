package org.opregister.security;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import org.opregister.core.OpriskConfig;

/**
 * Refuses to start without a usable session cookie key: one of at least 16 characters from {@code OPRISK_SESSION_KEY},
 * or the random key of {@link SessionKeySource} when demo data is on. Runs before any other start-up work; Quarkus
 * prints the message of a {@link ConfigurationException} as one line and exits. The key itself is never logged.
 */
@ApplicationScoped
public class SessionKeyCheck {

    static final int MIN_LENGTH = 16;

    static final String MISSING = "OPRISK_SESSION_KEY is not set: set it to a random secret of at least " + MIN_LENGTH
            + " characters, the same on every instance (it encrypts the session cookies). Only a start with demo data "
            + "(OPRISK_DEMO_DATA=true) may do without it.";

    static final String TOO_SHORT = "OPRISK_SESSION_KEY is too short: set it to a random secret of at least "
            + MIN_LENGTH + " characters, the same on every instance.";

    private static final Logger LOG = Logger.getLogger(SessionKeyCheck.class);

    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    Optional<String> key;

    @Inject
    OpriskConfig config;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        String generatedKey = config.session().generatedKey();
        problem(key, generatedKey, config.demoData()).ifPresent(message -> {
            throw new ConfigurationException(message);
        });
        if (key.get().equals(generatedKey)) {
            LOG.info("No OPRISK_SESSION_KEY set: sessions use a random key and end when this instance stops "
                    + "(allowed because demo data is on)");
        }
    }

    /** Why a start with this key must be refused, if it must. */
    static Optional<String> problem(Optional<String> key, String generatedKey, boolean demoData) {
        if (key.isEmpty() || key.get().isBlank()) {
            return Optional.of(MISSING);
        }
        if (key.get().equals(generatedKey)) {
            return demoData ? Optional.empty() : Optional.of(MISSING);
        }
        if (key.get().length() < MIN_LENGTH) {
            return Optional.of(TOO_SHORT);
        }
        return Optional.empty();
    }
}
