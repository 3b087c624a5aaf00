package org.opregister.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;

import static org.hamcrest.Matchers.containsString;

/** A write that loses to a parallel one is refused with 409 and a message, on pages and in the API, never a 500. */
@QuarkusTest
class ConcurrentChangeTest {

    @Test
    void aLostVersionCheckIsA409WithAMessage() {
        TestSupport.session("officer").request().accept("text/html").get("/test-only/conflict-probe").then()
                .statusCode(409)
                .body(containsString("Someone else changed the same record at the same moment"));
        TestSupport.basic("officer").request().accept("application/json").get("/test-only/conflict-probe").then()
                .statusCode(409).body("status", org.hamcrest.Matchers.equalTo(409))
                .body("message", containsString("Changed by someone else"));
    }
}
