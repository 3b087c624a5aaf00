package org.opregister.security;

import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import org.opregister.core.ClusterLock;
import org.opregister.core.FieldErrors;
import org.opregister.core.OpriskConfig;
import org.opregister.core.Role;

/**
 * The first administrator comes from configuration (OPRISK_ADMIN_USERNAME, OPRISK_ADMIN_PASSWORD), and only
 * while no active administrator exists. There is no built-in account or default password.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    @Inject
    OpriskConfig config;

    @Transactional
    void onStart(@Observes @Priority(10) StartupEvent event) {
        Optional<String> username = config.admin().username();
        Optional<String> password = config.admin().password();
        if (username.isEmpty() || password.isEmpty()) {
            return;
        }
        ClusterLock.hold(ClusterLock.START_UP);
        boolean adminExists = User.<User>list("enabled", true).stream().anyMatch(u -> u.hasRole(Role.ADMIN));
        if (adminExists || User.findByUsername(username.get()).isPresent()) {
            return;
        }
        FieldErrors errors = new FieldErrors();
        PasswordPolicy.check("password", username.get(), password.get(), errors);
        if (!username.get().matches(UserService.USERNAME_PATTERN)) {
            LOG.error("First administrator not created: OPRISK_ADMIN_USERNAME must be 2-64 letters, digits or ._@-");
            return;
        }
        if (errors.any()) {
            // The rule it breaks, never the password itself.
            LOG.errorf("First administrator not created: OPRISK_ADMIN_PASSWORD is refused by the password policy: %s",
                    errors.message(Locale.ENGLISH, "password"));
            return;
        }
        User.create(username.get(), username.get(), password.get(), Role.ADMIN);
        LOG.infof("First administrator '%s' created from configuration", username.get());
    }
}
