package org.opregister.security;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A directory without memberOf (an OpenLDAP without the overlay): the groups that list the user as a member are
 * searched for, and give the same roles.
 */
@QuarkusTest
@Tag("directory")
@WithTestResource(value = SlapdServer.class, initArgs = @ResourceArg(name = "groups", value = "search"))
class LdapGroupSearchTest {

    @Inject
    Accounts accounts;

    @Test
    void groupsFoundBySearchGiveTheirRoles() {
        assertEquals(Accounts.Outcome.SUCCESS,
                accounts.signIn("lucas.bernard", "Lucas-directory-1", true, "10.3.3.1").outcome());
        assertEquals("manager", roles("lucas.bernard"));
        assertEquals(Accounts.Outcome.SUCCESS,
                accounts.signIn("camille.martin", "Camille-directory-1", true, "10.3.3.1").outcome());
        assertEquals("officer", roles("camille.martin"));
        assertEquals(Accounts.Outcome.NO_ROLE,
                accounts.signIn("ines.petit", "Ines-directory-1", true, "10.3.3.1").outcome());
    }

    private static String roles(String username) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username).orElseThrow().roles);
    }
}
