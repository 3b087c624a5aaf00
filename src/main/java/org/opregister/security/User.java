package org.opregister.security;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person who signs in. Roles are stored comma-separated ("officer,manager"). */
@Entity
@Table(name = "app_user")
@UserDefinition
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    public Long id;

    @Version
    @Column(nullable = false)
    public long version;

    @Username
    @Column(nullable = false, unique = true, length = 64)
    public String username;

    @Password
    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Roles
    @Column(nullable = false, length = 200)
    public String roles;

    @Column(name = "display_name", nullable = false, length = 200)
    public String displayName;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static User create(String username, String displayName, String password, String roles) {
        User user = new User();
        user.username = username;
        user.displayName = displayName;
        user.passwordHash = BcryptUtil.bcryptHash(password);
        user.roles = roles;
        user.createdAt = Instant.now();
        user.persist();
        return user;
    }
}
