package org.opregister.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Groups to roles: by name (a cn, or an OpenID Connect claim's value) or by distinguished name, case ignored. */
class DirectoryRolesTest {

    private final DirectoryRoles roles = new DirectoryRoles(Map.of("officer",
            Optional.of("risk-officers; Risques Opérationnels"), "manager",
            Optional.of("CN=Risk Managers,OU=Groups,DC=bank,DC=example"), "auditor", Optional.of(" ; "), "admin",
            Optional.of("f4c1e7aa-0d7e-4a4f-9a1b-2b0c6f1d9e11")));

    @Test
    void aNameMatchesTheCommonNameOfAGroupOrTheGroupItself() {
        assertEquals(Set.of("officer"), roles.roles(List.of("cn=Risk-Officers,ou=groups,dc=bank,dc=example")));
        assertEquals(Set.of("officer"), roles.roles(List.of("risques opérationnels")));
        assertEquals(Set.of("admin"), roles.roles(List.of("F4C1E7AA-0D7E-4A4F-9A1B-2B0C6F1D9E11")));
    }

    @Test
    void aDistinguishedNameMatchesTheSameNameWrittenOtherwiseOnly() {
        assertEquals(Set.of("manager"), roles.roles(List.of("cn=risk managers, ou=groups, dc=bank, dc=example")));
        assertEquals(Set.of(), roles.roles(List.of("cn=Risk Managers,ou=Groups,dc=other,dc=example")));
        // A plain name does not match an entry given as a distinguished name.
        assertEquals(Set.of(), roles.roles(List.of("Risk Managers")));
    }

    @Test
    void aTokensGroupIsComparedWholeNeverReadAsADistinguishedName() {
        assertEquals(Set.of("officer"), roles.rolesOfNamedGroups(List.of("Risk-Officers")));
        assertEquals(Set.of("admin"), roles.rolesOfNamedGroups(List.of("F4C1E7AA-0D7E-4A4F-9A1B-2B0C6F1D9E11")));
        // A cloud group anyone may name "cn=risk-officers,..." gives nothing.
        assertEquals(Set.of(), roles.rolesOfNamedGroups(List.of("cn=risk-officers,o=anyone")));
        assertEquals(Set.of("manager"),
                roles.rolesOfNamedGroups(List.of("cn=risk managers,ou=groups,dc=bank,dc=example")));
    }

    @Test
    void severalGroupsGiveSeveralRolesAndNoneGivesNone() {
        assertEquals(Set.of("manager", "officer"), roles.roles(List.of("risk-officers",
                "CN=Risk Managers,OU=Groups,DC=bank,DC=example", "staff")));
        assertEquals(Set.of(), roles.roles(List.of("staff", "cn=everyone,dc=bank,dc=example")));
        assertEquals(List.of(), roles.mapping().get("auditor"));
        assertTrue(roles.configured());
        assertFalse(new DirectoryRoles(Map.of()).configured());
    }

    @Test
    void filterCharactersInAUsernameAreEscaped() {
        assertEquals("a\\2a\\28uid=\\2a\\29\\5c", LdapDirectory.escapeFilter("a*(uid=*)\\"));
    }
}
