package org.opregister.seed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import org.opregister.core.ClusterLock;
import org.opregister.core.OpriskConfig;
import org.opregister.core.Role;
import org.opregister.reference.LegalEntity;
import org.opregister.security.User;

/**
 * On start, with {@code oprisk.demo-data=true}: the demo accounts and the worked example, each applied once.
 * A seed that has run is recorded in {@link SeedRun}; it never runs again and never touches user data.
 */
@ApplicationScoped
public class DemoData {

    static final String USERS = "demo-users-v1";
    static final String DEMO_PASSWORD = "demo";
    static final String LEGAL_ENTITY = "example-legal-entity-v1";
    /** The example bank's name for the default legal entity (fictional, like the bank). */
    static final String EXAMPLE_ENTITY_NAME = "Example Mercantile Bank SE";

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    OpriskConfig config;

    @Inject
    ExampleCase exampleCase;

    @Inject
    ExampleRisks exampleRisks;

    @Inject
    ExampleAssessments exampleAssessments;

    @Inject
    ExampleKris exampleKris;

    @Inject
    ExampleControlTests exampleControlTests;

    @Inject
    ExampleActions exampleActions;

    @Inject
    ExampleBusinessIndicator exampleBusinessIndicator;

    @Inject
    ExampleServices exampleServices;

    @Inject
    ExampleIctRegister exampleIctRegister;

    @Inject
    ExampleDora exampleDora;

    void onStart(@Observes StartupEvent event) {
        if (!config.demoData()) {
            return;
        }
        seed();
    }

    /** Several instances may start at once on an empty database: they seed one after the other, under a lock. */
    @Transactional
    public void seed() {
        ClusterLock.hold(ClusterLock.START_UP);
        if (!SeedRun.applied(USERS)) {
            createUser("officer", "Olivia Officer (demo)", Role.OFFICER);
            createUser("officer2", "Omar Officer (demo)", Role.OFFICER);
            createUser("manager", "Martin Manager (demo)", Role.MANAGER);
            createUser("manager2", "Mia Manager (demo)", Role.MANAGER);
            createUser("auditor", "Ada Auditor (demo)", Role.AUDITOR);
            createUser("admin", "Alex Admin (demo)", Role.ADMIN);
            SeedRun.mark(USERS);
            LOG.info("Demo accounts created (password 'demo')");
        }
        if (!SeedRun.applied(LEGAL_ENTITY)) {
            nameDefaultEntity();
            SeedRun.mark(LEGAL_ENTITY);
        }
        if (!SeedRun.applied(ExampleCase.NAME)) {
            exampleCase.record();
            SeedRun.mark(ExampleCase.NAME);
            LOG.info("Example case recorded: " + ExampleCase.REFERENCE);
        }
        if (!SeedRun.applied(ExampleRisks.NAME)) {
            exampleRisks.record();
            SeedRun.mark(ExampleRisks.NAME);
            LOG.info("Example risks and controls recorded");
        }
        if (!SeedRun.applied(ExampleAssessments.NAME)) {
            exampleAssessments.record();
            SeedRun.mark(ExampleAssessments.NAME);
            LOG.info("Example assessment campaigns recorded");
        }
        if (!SeedRun.applied(ExampleKris.NAME)) {
            exampleKris.record();
            SeedRun.mark(ExampleKris.NAME);
            LOG.info("Example KRIs recorded");
        }
        if (!SeedRun.applied(ExampleControlTests.NAME)) {
            exampleControlTests.record();
            SeedRun.mark(ExampleControlTests.NAME);
            LOG.info("Example control tests and certification recorded");
        }
        if (!SeedRun.applied(ExampleActions.NAME)) {
            exampleActions.record();
            SeedRun.mark(ExampleActions.NAME);
            LOG.info("Example action plans recorded");
        }
        if (!SeedRun.applied(ExampleBusinessIndicator.NAME)) {
            exampleBusinessIndicator.record();
            SeedRun.mark(ExampleBusinessIndicator.NAME);
            LOG.info("Example business-indicator inputs recorded (fictional)");
        }
        if (!SeedRun.applied(ExampleServices.NAME)) {
            exampleServices.record();
            SeedRun.mark(ExampleServices.NAME);
            LOG.info("Example services recorded");
        }
        if (!SeedRun.applied(ExampleIctRegister.NAME)) {
            exampleIctRegister.record();
            SeedRun.mark(ExampleIctRegister.NAME);
            LOG.info("Example ICT register recorded");
        }
        if (!SeedRun.applied(ExampleDora.NAME)) {
            exampleDora.record();
            SeedRun.mark(ExampleDora.NAME);
            LOG.info("Example DORA classification and reports recorded");
        }
    }

    /** The migration's default entity takes the example bank's name, unless anyone has changed it since. */
    private static void nameDefaultEntity() {
        LegalEntity main = LegalEntity.find("code", LegalEntity.MAIN).firstResult();
        if (main != null && main.version == 0 && LegalEntity.MAIN_NAME.equals(main.name)) {
            main.name = EXAMPLE_ENTITY_NAME;
            LOG.info("Default legal entity named " + EXAMPLE_ENTITY_NAME);
        }
    }

    private static void createUser(String username, String displayName, String role) {
        if (User.findByUsername(username).isEmpty()) {
            User.create(username, displayName, DEMO_PASSWORD, role).email = username + "@example.test";
        }
    }
}
