package org.opregister.core;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The application's own settings, the {@code oprisk.*} properties of application.properties, in one place. Each is
 * set there from an environment variable (e.g. {@code oprisk.reporting-currency=${OPRISK_REPORTING_CURRENCY:EUR}});
 * the README lists the variables. Inject it where a setting is needed.
 * <p>
 * Every {@code oprisk.*} property must be declared here: an unknown one stops the start. Some are declared for that
 * reason and documentation but read elsewhere: {@link #dataDir()} by the datasource URL, the cron expressions by the
 * {@code @Scheduled} methods, and {@link #locale()} by {@link AppLocale}, a static constant made before any bean.
 */
@ConfigMapping(prefix = "oprisk")
public interface OpriskConfig {

    /** Where the H2 database files live (used in {@code quarkus.datasource.jdbc.url}). */
    String dataDir();

    /** The default locale of pages and e-mails (read by {@link AppLocale}). */
    @WithDefault("en")
    String locale();

    /** Whether the demo data is loaded on start (and the sign-in page shows the demo accounts). */
    boolean demoData();

    /** The currency loss totals are converted to and shown in (ISO 4217 code). */
    String reportingCurrency();

    /**
     * Convert the loss ledger into {@link #reportingCurrency()} on this start, with the FX rate table (read by
     * {@code reference.ReportingCurrencyCheck}); set it for one start only.
     */
    @WithDefault("false")
    boolean convertLedgerToReportingCurrency();

    /** Where links in e-mails point, and an accepted origin of sign-in posts. */
    String baseUrl();

    /** Further public origins (scheme://host:port) a sign-in may be posted from. */
    Optional<List<String>> allowedOrigins();

    Admin admin();

    Login login();

    Session session();

    Directory directory();

    Ldap ldap();

    Oidc oidc();

    Evidence evidence();

    Actions actions();

    Kri kri();

    Incident incident();

    LossData lossData();

    Returns returns();

    /**
     * The zone DORA timestamps are typed and shown in (stored UTC); also the zone of the Member State whose weekends
     * and bank holidays move the reporting time limits (Delegated Regulation 2025/301, Art. 5(4)).
     */
    @WithDefault("Europe/Paris")
    String timezone();

    Dora dora();

    /** The first administrator, created on start while no active administrator exists. */
    interface Admin {

        Optional<String> username();

        Optional<String> password();
    }

    /** Sign-in lock-out. */
    interface Login {

        /** Failures within the lock duration that lock the username tried. */
        @WithDefault("5")
        int maxFailures();

        /** Failures within the lock duration that lock the client address. */
        @WithDefault("20")
        int maxFailuresPerAddress();

        @WithDefault("PT15M")
        Duration lockDuration();
    }

    interface Session {

        /** The longest a browser session lasts, however active. */
        @WithDefault("PT12H")
        Duration maxLifetime();

        /** The random per-process session cookie key ({@code security.SessionKeySource}). */
        String generatedKey();
    }

    /**
     * Which directory groups give which role, for every directory sign-in (LDAP / Active Directory, OpenID Connect).
     * Each is a list separated by semicolons; an entry with '=' is a group's distinguished name, any other a group's
     * name (its cn, or the value of the provider's groups claim). Case is ignored.
     */
    interface Directory {

        Optional<String> officerGroups();

        Optional<String> managerGroups();

        Optional<String> auditorGroups();

        Optional<String> adminGroups();
    }

    /** Sign-in with the bank's LDAP directory or Active Directory through the sign-in form; off without a URL. */
    interface Ldap {

        /** ldap://host:389 or ldaps://host:636; several, separated by spaces, are tried in turn. */
        Optional<String> url();

        /** The account that looks users up; none: the search is made anonymously. */
        Optional<String> bindDn();

        Optional<String> bindPassword();

        /** Where user entries are looked for (subtree). */
        Optional<String> userSearchBase();

        /** Finds the entry of the username typed, {0}: e.g. (uid={0}) or (sAMAccountName={0}). */
        @WithDefault("(uid={0})")
        String userFilter();

        /** The attribute of the entry that holds the username kept in the register. */
        @WithDefault("uid")
        String usernameAttribute();

        /** The directory's own id of an entry, kept with the account (entryUUID; objectGUID on Active Directory). */
        @WithDefault("entryUUID")
        String idAttribute();

        @WithDefault("displayName")
        String displayNameAttribute();

        @WithDefault("mail")
        String emailAttribute();

        /** The attribute of the user's entry that lists their groups' distinguished names (Active Directory). */
        @WithDefault("memberOf")
        String groupAttribute();

        /** Where groups are looked for as well (subtree); none: only the group attribute counts. */
        Optional<String> groupSearchBase();

        /** Finds the groups of a user, {0}: the user's distinguished name. */
        @WithDefault("(|(member={0})(uniqueMember={0}))")
        String groupFilter();

        @WithDefault("PT5S")
        Duration timeout();
    }

    /**
     * Sign-in with the bank's OpenID Connect provider (Entra ID, ADFS, Keycloak): authorization code flow with PKCE
     * for the browser, bearer tokens for the API; off without an issuer.
     */
    interface Oidc {

        /** The provider's issuer identifier; its discovery document is read from issuer/.well-known/... */
        Optional<String> issuer();

        Optional<String> clientId();

        Optional<String> clientSecret();

        @WithDefault("openid profile email")
        String scope();

        /** The claim whose value becomes the register's username (preferred_username; upn on ADFS). */
        @WithDefault("preferred_username")
        String usernameClaim();

        /** The claim that lists the user's groups (a list of names or ids). */
        @WithDefault("groups")
        String groupsClaim();

        /** Named on the sign-in page's button: "Sign in with ..."; none: "single sign-on". */
        Optional<String> displayName();

        /** The audience a bearer token for the API must carry; none: the client id. */
        Optional<String> apiAudience();

        @WithDefault("PT5S")
        Duration timeout();
    }

    /** Evidence files of control tests. */
    interface Evidence {

        long maxBytes();

        /** Accepted file types (extensions; the content is checked too). */
        Set<String> allowedTypes();

        /** Whether a control test is submitted and signed off only with at least one evidence file. */
        boolean requiredForSignOff();
    }

    /** Action-plan reminders. */
    interface Actions {

        /** When reminders are sent (read by {@code action.ActionReminders}' {@code @Scheduled}). */
        String reminderCron();

        /** Owners are reminded this many days before the due date. */
        int reminderDays();

        /** The weekday managers get their digest. */
        DayOfWeek digestDay();
    }

    /** The regulatory loss data set (CRR Arts. 316–319; BIS OPE25). */
    interface LossData {

        /** An event enters the data set when its aggregated loss reaches this amount (reporting currency). */
        @WithDefault("20000")
        java.math.BigDecimal threshold();

        /** Whether the threshold reads the event's aggregated net loss (EU) or gross loss. */
        @WithDefault("NET")
        String thresholdBasis();

        /**
         * How often the kept figures by accounting year are brought up to date (read by the {@code @Scheduled} of
         * {@code incident.KeptAnnualLosses}).
         */
        @WithDefault("5s")
        String keptYearsRefresh();

        /** When every kept year is marked to be counted again (Quarkus cron; read by the same class's schedule). */
        @WithDefault("0 50 1 * * ?")
        String keptYearsCheckCron();
    }

    /** The supervisory returns (COREP C 17). */
    interface Returns {

        /** C 17.02 lists the events whose gross loss reaches this amount in EUR (UNCONFIRMED: see the README). */
        @WithDefault("100000")
        java.math.BigDecimal c1702Threshold();
    }

    interface Kri {

        /** When computed KRIs are recomputed (read by {@code kri.KriComputation}'s {@code @Scheduled}). */
        String recomputeCron();

        /** How long after a change commits the periods it touched are recomputed (writes meanwhile share it). */
        @WithDefault("PT0.5S")
        java.time.Duration recomputeDelay();

        /** How often every instance looks for periods left to recompute (read by {@code kri.KriRecomputes}). */
        @WithDefault("10s")
        String recomputePoll();

        /** Days after a period ends by which a typed-in KRI's value is due. */
        @WithDefault("15")
        int valueDueDays();
    }

    interface Incident {

        /** How often the register's kept totals are folded (read by {@code incident.IncidentTotals}'s schedule). */
        @WithDefault("30s")
        String totalsFold();

        /** When the kept totals are checked against a count of the register (same). */
        String totalsCheckCron();
    }

    /** DORA reporting (Delegated Regulation 2025/301, Art. 5). */
    interface Dora {

        /**
         * The bank holidays of the Member State (ISO dates), on which time limits move to noon of the next working day.
         */
        Optional<List<String>> holidays();

        /**
         * Whether the weekend and holiday relief of Art. 5(4) applies to the initial and intermediate reports too;
         * false for credit institutions and the other entities of Art. 5(5) (their final report keeps it).
         */
        @WithDefault("false")
        boolean weekendReliefForInitialAndIntermediate();

        /**
         * When recurring incidents are assessed (2024/1772 Art. 8(2): monthly; read by
         * {@code dora.RecurringIncidents}).
         */
        String recurringCron();

        /** When report reminders are looked for (read by {@code dora.DoraReminders}). */
        String reminderCron();

        /** How long before a report's time limit its reminder goes out. */
        @WithDefault("PT1H")
        Duration reminderBefore();
    }
}
