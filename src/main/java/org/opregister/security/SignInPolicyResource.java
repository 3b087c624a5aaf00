package org.opregister.security;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.opregister.core.FieldErrors;
import org.opregister.core.OpriskConfig;
import org.opregister.core.Role;
import org.opregister.web.Flash;
import org.opregister.web.Step;

/**
 * The sign-in methods of the installation: the directory's settings as read at start (no secret shown), the
 * mapping of directory groups to roles, and the switch that keeps local sign-in for administrators only.
 */
@Path("/admin/sign-in")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class SignInPolicyResource {

    /** What the page shows of the directory set-up. */
    public record DirectoryView(boolean ldapEnabled, String url, String serviceAccount, String userSearchBase,
            String userFilter, String usernameAttribute, String groupAttribute, String groupSearchBase,
            String groupFilter, Map<String, List<String>> groupsByRole, long localAccounts, long directoryAccounts) {

        static DirectoryView of(OpriskConfig.Ldap ldap, Map<String, List<String>> groupsByRole, long localAccounts,
                long directoryAccounts) {
            return new DirectoryView(ldap.url().isPresent(), ldap.url().orElse(""), ldap.bindDn().orElse(""),
                    ldap.userSearchBase().orElse(""), ldap.userFilter(), ldap.usernameAttribute(),
                    ldap.groupAttribute(), ldap.groupSearchBase().orElse(""), ldap.groupFilter(), groupsByRole,
                    localAccounts, directoryAccounts);
        }
    }

    /** What the page shows of the OpenID Connect set-up (never the client secret). */
    public record ProviderView(boolean enabled, Map<String, String> settings) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance page(SignInPolicyForm form, FieldErrors errors, DirectoryView directory,
                ProviderView provider);
    }

    @Inject
    LdapDirectory ldap;

    @Inject
    DirectoryRoles roles;

    @Inject
    OidcProvider provider;

    @Inject
    SignInPolicyService service;

    @GET
    public TemplateInstance page() {
        return Templates.page(SignInPolicyForm.of(SignInPolicy.current()), new FieldErrors(), directory(),
                provider());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@BeanParam SignInPolicyForm form) {
        return Step.form(() -> {
            SignInPolicy policy = service.change(form.parse());
            return Flash.redirect(URI.create("/admin/sign-in"),
                    policy.localForEveryone ? "flash.localSignInOn" : "flash.localSignInOff", null);
        }, errors -> Templates.page(form, errors, directory(), provider()));
    }

    private ProviderView provider() {
        return new ProviderView(provider.enabled(), provider.settings());
    }

    private DirectoryView directory() {
        return DirectoryView.of(ldap.settings(), roles.mapping(),
                User.count("authSource", AuthSource.LOCAL), User.count("authSource <> ?1", AuthSource.LOCAL));
    }
}
