package org.opregister.security;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.security.Routes.Route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page of the application in French: declared as French, no key without a French value ({@code ??key??}),
 * no unresolved template value, and none of the layout's English words left.
 */
@QuarkusTest
class FrenchPagesTest {

    @Test
    void everyPageSpeaksFrench() throws Exception {
        RouteFixture fixture = new RouteFixture();
        List<String> failures = new ArrayList<>();
        int pages = 0;
        for (Route route : fixture.routes) {
            if (!route.method().equals("GET") || route.json() || route.path().matches(".*\\.(csv|xlsx|json)(\\?.*)?")) {
                continue;
            }
            String who = route.template().startsWith("/admin")
                    ? "admin"
                    : route.template().startsWith("/audit") ? "auditor" : "manager";
            Response response = TestSupport.session(who).in("fr").request().get(route.path());
            String contentType = String.valueOf(response.contentType());
            if (response.statusCode() != 200 || !contentType.startsWith("text/html")) {
                continue;
            }
            pages++;
            String body = response.asString();
            if (!body.contains("<html lang=\"fr\">")) {
                failures.add(route + ": not declared French");
            }
            if (body.contains("??")) {
                int at = body.indexOf("??");
                failures.add(route + ": untranslated key " + body.substring(at, Math.min(body.length(), at + 60)));
            }
            if (body.contains("NOT_FOUND")) {
                failures.add(route + ": unresolved template value");
            }
            if (body.contains(">Sign out<") || body.contains(">Skip to content<")) {
                failures.add(route + ": English layout");
            }
        }
        assertTrue(pages > 60, "French pages walked: " + pages);
        assertEquals(List.of(), failures);
    }
}
