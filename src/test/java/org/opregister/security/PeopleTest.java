package org.opregister.security;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The names a page shows for usernames, read one by one or for a whole list at once: the same names. */
@QuarkusTest
class PeopleTest {

    @Inject
    People people;

    @Test
    @ActivateRequestContext
    void namesReadForAListAreThoseReadOneByOne() {
        String manager = QuarkusTransaction.requiringNew()
                .call(() -> User.findByUsername("manager").orElseThrow().displayName);
        people.know(Arrays.asList("manager", "no-such-user", null));
        assertEquals(manager, people.name("manager"));
        assertEquals("no-such-user", people.name("no-such-user"), "an account that no longer exists: its username");
        assertEquals("", people.name(null));
        people.know(List.of());
        assertEquals(manager, people.name("manager"));
    }
}
