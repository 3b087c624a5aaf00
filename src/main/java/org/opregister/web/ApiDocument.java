package org.opregister.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The OpenAPI document at {@code /q/openapi} describes the JSON API for integrations, not the HTML pages: every path
 * outside {@code /api/} is dropped, then the schemas and tags only those pages used (registered as
 * {@code mp.openapi.filter}; Quarkus applies it when it builds the document).
 */
public class ApiDocument implements OASFilter {

    /** The JSON API's paths, as the URL contract names them. */
    public static final String API_PREFIX = "/api/";

    private static final String SCHEMA_REF = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (String path : List.copyOf(openAPI.getPaths().getPathItems().keySet())) {
            if (!path.startsWith(API_PREFIX)) {
                openAPI.getPaths().removePathItem(path);
            }
        }
        Set<String> tags = new HashSet<>();
        Deque<Schema> schemas = new ArrayDeque<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getTags() != null) {
                    tags.addAll(operation.getTags());
                }
                parameters(operation.getParameters(), schemas);
                parameters(item.getParameters(), schemas);
                if (operation.getRequestBody() != null) {
                    content(operation.getRequestBody().getContent(), schemas);
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                        content(response.getContent(), schemas);
                    }
                }
            }
        }
        if (openAPI.getTags() != null) {
            for (Tag tag : List.copyOf(openAPI.getTags())) {
                if (!tags.contains(tag.getName())) {
                    openAPI.removeTag(tag);
                }
            }
        }
        Components components = openAPI.getComponents();
        if (components != null && components.getSchemas() != null) {
            Set<String> used = referenced(schemas, components.getSchemas());
            for (String name : List.copyOf(components.getSchemas().keySet())) {
                if (!used.contains(name)) {
                    components.removeSchema(name);
                }
            }
        }
    }

    private static void parameters(List<Parameter> parameters, Deque<Schema> schemas) {
        if (parameters != null) {
            for (Parameter parameter : parameters) {
                if (parameter.getSchema() != null) {
                    schemas.add(parameter.getSchema());
                }
                content(parameter.getContent(), schemas);
            }
        }
    }

    private static void content(Content content, Deque<Schema> schemas) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType type : content.getMediaTypes().values()) {
                if (type.getSchema() != null) {
                    schemas.add(type.getSchema());
                }
            }
        }
    }

    /** The names of the component schemas reachable from these schemas. */
    private static Set<String> referenced(Deque<Schema> pending, Map<String, Schema> components) {
        Set<String> names = new HashSet<>();
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (!seen.add(schema)) {
                continue;
            }
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(SCHEMA_REF)) {
                String name = ref.substring(SCHEMA_REF.length());
                if (names.add(name) && components.get(name) != null) {
                    pending.add(components.get(name));
                }
            }
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            if (schema.getItems() != null) {
                pending.add(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                pending.add(schema.getAdditionalPropertiesSchema());
            }
            for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(),
                    schema.getOneOf())) {
                if (group != null) {
                    pending.addAll(group);
                }
            }
            if (schema.getNot() != null) {
                pending.add(schema.getNot());
            }
        }
        return names;
    }
}
