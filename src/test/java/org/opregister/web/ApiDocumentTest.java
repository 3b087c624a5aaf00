package org.opregister.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document describes the JSON API for integrations, and only it: no HTML page is in it. */
@QuarkusTest
class ApiDocumentTest {

    private static final List<String> VERBS = List.of("get", "post", "put", "delete", "patch");

    private static JsonPath document() {
        return given().auth().preemptive().basic("auditor", "demo").get("/q/openapi?format=json").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void onlyTheJsonApiIsDescribed() {
        Map<String, Object> paths = document().getMap("paths");
        List<String> pages = paths.keySet().stream().filter(path -> !path.startsWith("/api/")).toList();
        assertEquals(List.of(), pages, "HTML pages in the API document");
        assertTrue(paths.keySet().containsAll(List.of("/api/incidents", "/api/incidents/{id}",
                "/api/incidents/{id}/losses", "/api/incidents/{id}/losses/{lossId}",
                "/api/incidents/by-external-reference/{ref}", "/api/risks", "/api/kris", "/api/actions")),
                "paths: " + paths.keySet());
        Map<String, Object> schemas = document().getMap("components.schemas");
        assertTrue(schemas.containsKey("LossView") && schemas.containsKey("LedgerView")
                && schemas.containsKey("LossForm"), "schemas: " + schemas.keySet());
        assertTrue(schemas.keySet().stream().noneMatch(name -> name.contains("TemplateInstance")),
                "page-only schemas left: " + schemas.keySet());
    }

    @Test
    void everyOperationHasASummaryAndItsBodiesASchema() {
        JsonPath document = document();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> missing = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((verb, value) -> {
            if (!VERBS.contains(verb)) {
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> operation = (Map<String, Object>) value;
            String where = verb.toUpperCase(java.util.Locale.ROOT) + " " + path;
            if (operation.get("summary") == null) {
                missing.add(where + ": no summary");
            }
            if (List.of("post", "put").contains(verb) && !hasSchema(operation.get("requestBody"))) {
                missing.add(where + ": request body without a schema");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            boolean described = responses.entrySet().stream().filter(r -> r.getKey().startsWith("2"))
                    .anyMatch(r -> r.getKey().equals("204") || hasSchema(r.getValue()));
            if (!described) {
                missing.add(where + ": no success response with a schema");
            }
        }));
        assertEquals(List.of(), missing);
    }

    @SuppressWarnings("unchecked")
    private static boolean hasSchema(Object holder) {
        if (!(holder instanceof Map<?, ?> map) || !(map.get("content") instanceof Map<?, ?> content)) {
            return false;
        }
        // An empty schema ({}, what a bare Response gets) says nothing: a reference or a type is needed.
        return !content.isEmpty() && content.values().stream()
                .allMatch(type -> type instanceof Map<?, ?> media && media.get("schema") instanceof Map<?, ?> schema
                        && (schema.containsKey("$ref") || schema.containsKey("type")));
    }
}
