package org.opregister.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.opregister.audit.AuditSubject;

/**
 * The installation's sign-in rules an administrator sets: whether accounts other than administrators may sign in
 * with a local password. One row, made by the migration (V41), so no two instances race to create it.
 */
@Entity
@Table(name = "sign_in_policy")
public class SignInPolicy extends PanacheEntityBase implements AuditSubject {

    static final int THE_ONE = 1;

    @Id
    public Integer id;

    @Version
    @Column(nullable = false)
    public long version;

    /** Off: only administrators (the break-glass accounts) sign in with a local password. */
    @Column(name = "local_for_everyone", nullable = false)
    public boolean localForEveryone;

    public static SignInPolicy current() {
        return findById(THE_ONE);
    }

    /** Whether this local account may sign in with its password under the policy. */
    public boolean allowsLocal(User user) {
        return localForEveryone || user.hasRole(org.opregister.core.Role.ADMIN);
    }

    @Override
    public String auditLabel() {
        return "sign-in policy";
    }

    @Override
    public String auditPath() {
        return "/admin/sign-in";
    }
}
