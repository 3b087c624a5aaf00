package org.opregister.reference;

import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The legal-entity list: the default from the migration, LEI check digits, versions, one default at a time. */
@QuarkusTest
class LegalEntityTest {

    @Test
    void theMigrationCreatesTheDefaultEntity() {
        LegalEntity main = QuarkusTransaction.requiringNew().call(LegalEntity::defaultEntity);
        assertEquals(LegalEntity.MAIN, main.code);
        assertTrue(main.active && main.isDefault);
        TestSupport.session("officer").request().get("/legal-entities").then().statusCode(200)
                .body(containsString("<code>MAIN</code>"));
        TestSupport.session("auditor").request().get("/legal-entities").then().statusCode(200);
    }

    @Test
    void managersCreateEditDeactivateAndChooseTheDefault() {
        Session manager = TestSupport.session("manager");
        String code = "LE" + System.nanoTime() % 1_000_000_000L;
        manager.post("/legal-entities/new", "/legal-entities",
                Map.of("code", code, "name", "Example Mercantile Lux SA", "lei", "5493001KJTIIGC8Y1R13"))
                .then().statusCode(400).body(containsString("Not a valid LEI"));
        manager.post("/legal-entities/new", "/legal-entities",
                Map.of("code", code, "name", "Example Mercantile Lux SA", "lei", "5493001kjtiigc8y1r12"))
                .then().statusCode(303);
        manager.post("/legal-entities/new", "/legal-entities", Map.of("code", code.toLowerCase(), "name", "Again"))
                .then().statusCode(400).body(containsString("already used"));
        LegalEntity created = entity(code);
        assertEquals("5493001KJTIIGC8Y1R12", created.lei);
        assertTrue(created.active);
        assertFalse(created.isDefault);

        String edit = "/legal-entities/" + created.id + "/edit";
        manager.post(edit, "/legal-entities/" + created.id,
                Map.of("version", created.version + 1, "name", "Stale"))
                .then().statusCode(409);
        manager.post(edit, "/legal-entities/" + created.id, Map.of("version", created.version, "name",
                "Example Mercantile Luxembourg SA", "lei", "")).then().statusCode(303);
        LegalEntity edited = entity(code);
        assertEquals("Example Mercantile Luxembourg SA", edited.name);
        assertEquals(null, edited.lei);

        LegalEntity main = entity(LegalEntity.MAIN);
        manager.post("/legal-entities", "/legal-entities/" + main.id + "/deactivate", Map.of("version", main.version))
                .then().statusCode(409).body(containsString("cannot be deactivated"));
        manager.post("/legal-entities", "/legal-entities/" + edited.id + "/default",
                Map.of("version", edited.version)).then().statusCode(303);
        assertEquals(code, QuarkusTransaction.requiringNew().call(LegalEntity::defaultEntity).code);
        assertFalse(entity(LegalEntity.MAIN).isDefault, "one default at a time");
        main = entity(LegalEntity.MAIN);
        manager.post("/legal-entities", "/legal-entities/" + main.id + "/default", Map.of("version", main.version))
                .then().statusCode(303);
        assertEquals(LegalEntity.MAIN, QuarkusTransaction.requiringNew().call(LegalEntity::defaultEntity).code);
        edited = entity(code);
        manager.post("/legal-entities", "/legal-entities/" + edited.id + "/deactivate",
                Map.of("version", edited.version)).then().statusCode(303);
        assertFalse(entity(code).active);
        edited = entity(code);
        manager.post("/legal-entities", "/legal-entities/" + edited.id + "/default",
                Map.of("version", edited.version)).then().statusCode(409)
                .body(containsString("Only an active legal entity"));
    }

    @Test
    void othersOnlyRead() {
        TestSupport.session("officer").post("/legal-entities", "/legal-entities",
                Map.of("code", "NOPE", "name", "Nope")).then().statusCode(403);
        TestSupport.session("officer").request().get("/legal-entities/new").then().statusCode(403);
        TestSupport.session("admin").request().get("/legal-entities").then().statusCode(403);
    }

    private static LegalEntity entity(String code) {
        return QuarkusTransaction.requiringNew().call(() -> LegalEntity.byCode(code));
    }
}
