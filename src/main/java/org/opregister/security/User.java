package org.opregister.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.opregister.audit.AuditSubject;
import org.opregister.audit.Masked;
import org.opregister.core.AppLocale;

/** A person who signs in. Roles are stored comma-separated ("officer,manager"); passwords as bcrypt hashes. */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase implements AuditSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    public Long id;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(nullable = false, unique = true, length = 64)
    public String username;

    /** None for a directory account: its password is the directory's. */
    @Masked
    @Column(name = "password_hash", length = 100)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "auth_source", nullable = false, length = 8)
    public AuthSource authSource = AuthSource.LOCAL;

    /**
     * A directory account's entry id in the directory (entryUUID, objectGUID): a username given again to someone
     * else in the directory does not open this account.
     */
    @Column(name = "directory_id", length = 255)
    public String directoryId;

    @Column(nullable = false, length = 200)
    public String roles;

    @Column(name = "display_name", nullable = false, length = 200)
    public String displayName;

    public static final int EMAIL_MAX = 254;

    /** Where reminders go; none means the user gets no e-mail. */
    @Column(length = EMAIL_MAX)
    public String email;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    /** An administrator reset the password: the user chooses a new one before anything else. */
    @Column(name = "must_change_password", nullable = false)
    public boolean mustChangePassword;

    /** The language the user chose (a language code such as {@code fr}); null follows the browser. */
    @Column(length = 8)
    public String locale;

    public Set<String> roleSet() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The language of the pages and e-mails for this user when no request says otherwise. */
    public Locale language() {
        return AppLocale.supported(locale).orElse(AppLocale.DEFAULT);
    }

    /** Signs in with the bank's directory: its roles, name, e-mail and password are the directory's. */
    public boolean directory() {
        return authSource != AuthSource.LOCAL;
    }

    public boolean hasRole(String role) {
        return roleSet().contains(role);
    }

    public void setPassword(String password) {
        passwordHash = BcryptUtil.bcryptHash(password);
        passwordChangedAt = Instant.now();
    }

    @Override
    public String auditLabel() {
        return username;
    }

    @Override
    public String auditTitle() {
        return displayName;
    }

    @Override
    public String auditPath() {
        return "/admin/users/" + id;
    }

    /** The account made for this entry of the directory (the token's subject, for OpenID Connect). */
    public static Optional<User> findByDirectoryId(AuthSource source, String directoryId) {
        return find("authSource = ?1 and directoryId = ?2", source, directoryId).firstResultOptional();
    }

    public static Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static User create(String username, String displayName, String password, String roles) {
        User user = new User();
        user.username = username;
        user.displayName = displayName;
        user.setPassword(password);
        user.roles = roles;
        user.createdAt = Instant.now();
        user.persist();
        return user;
    }
}
