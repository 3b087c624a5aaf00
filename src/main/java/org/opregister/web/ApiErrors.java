package org.opregister.web;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.opregister.core.CurrentLocale;
import org.opregister.core.FieldErrors;
import org.opregister.core.InvalidInputException;
import org.opregister.core.Messages;

/** The API's error bodies: {@code {"status":400,"message":"…","errors":{"field":"…"}}}. */
public class ApiErrors {

    /** The challenge a 401 from the API carries: HTTP Basic, realm "oprisk". */
    public static final String CHALLENGE = "Basic realm=\"oprisk\"";

    public record Body(int status, String message, Map<String, String> errors) {
    }

    /** An API call without a body: refused like any invalid input (400). */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw new InvalidInputException(new FieldErrors().add(FieldErrors.FORM, "error.emptyBody"));
        }
        return body;
    }

    public static Response badRequest(FieldErrors errors) {
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(new Body(400, Messages.get(CurrentLocale.current(), "error.invalidInput"),
                        errors.messages(CurrentLocale.current())))
                .build();
    }

    public static Response status(int status, String messageKey) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new Body(status, Messages.get(CurrentLocale.current(), messageKey), Map.of())).build();
    }

    /** Malformed JSON or a value of the wrong JSON type: 400 naming the field where Jackson knows it. */
    @ServerExceptionMapper(value = {JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class}, priority = 1)
    public Response malformedJson(JsonProcessingException e) {
        FieldErrors errors = new FieldErrors();
        String field = FieldErrors.FORM;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            JsonMappingException.Reference last = mapping.getPath().get(mapping.getPath().size() - 1);
            field = last.getFieldName() != null ? last.getFieldName() : FieldErrors.FORM;
        }
        errors.add(field, field.equals(FieldErrors.FORM) ? "error.malformedJson" : "error.wrongJsonType");
        return badRequest(errors);
    }
}
