package org.opregister.web;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.opregister.core.Causes;
import org.opregister.core.DatabaseUnavailable;
import org.opregister.core.EditConflictException;
import org.opregister.core.InvalidInputException;
import org.opregister.core.RuleViolationException;
import org.opregister.core.UnknownRecordException;

/**
 * Turns failures into pages a person can read (or JSON for the API): 403, 404, 405, 503 while the database is
 * unavailable, and a generic 500 that never shows a stack trace or SQL. The details of a 500 go to the server log
 * only.
 * <p>
 * Failures during authentication (the session or password look-up needs the database) happen before any resource
 * runs; Quarkus REST's route failure handler hands them to these same mappers, on the I/O thread, so the error
 * templates must not need the identity or the database there (see {@code CurrentUser}).
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    /** Seconds a client should wait before trying again while the database is unavailable. */
    static final int RETRY_AFTER_SECONDS = 10;

    @CheckedTemplate(basePath = "ErrorPages")
    static class Templates {

        static native TemplateInstance error(int status, String titleKey, String textKey);

        static native TemplateInstance unavailable(String retry);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return page(404, "error.notFound", "error.notFoundText", uri, headers);
    }

    @ServerExceptionMapper({ForbiddenException.class, jakarta.ws.rs.ForbiddenException.class})
    public Response forbidden(Exception e, UriInfo uri, HttpHeaders headers) {
        return page(403, "error.forbidden", "error.forbiddenText", uri, headers);
    }

    @ServerExceptionMapper
    public Response unknownRecord(UnknownRecordException e, UriInfo uri, HttpHeaders headers) {
        return page(404, "error.notFound", "error.notFoundText", uri, headers);
    }

    /**
     * The project's own refusals that reach here (the API; pages catch them in {@link Step} to show the form
     * again): invalid input 400 with the field errors, a stale version 409, a step the workflow does not allow 409.
     */
    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri, HttpHeaders headers) {
        if (e.stale()) {
            return page(409, "error.editConflict", "error.concurrentChangeText", uri, headers);
        }
        if (wantsJson(uri, headers)) {
            return ApiErrors.badRequest(e.errors());
        }
        return page(400, "error.badRequest", "error.badRequestText", uri, headers);
    }

    @ServerExceptionMapper
    public Response editConflict(EditConflictException e, UriInfo uri, HttpHeaders headers) {
        return page(409, "error.editConflict", "error.concurrentChangeText", uri, headers);
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolationException e, UriInfo uri, HttpHeaders headers) {
        return page(409, e.messageKey(), "error.concurrentChangeText", uri, headers);
    }

    @ServerExceptionMapper
    public Response crossSiteSignIn(CrossSiteSignIn e, UriInfo uri, HttpHeaders headers) {
        return page(403, "error.crossSiteSignIn", "error.crossSiteSignInText", uri, headers);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri, HttpHeaders headers) {
        return page(405, "error.methodNotAllowed", "error.methodNotAllowedText", uri, headers);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers, Request request) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            return new ApiErrors().malformedJson(json);
        }
        if (status >= 500) {
            return unexpected(e, uri, headers, request);
        }
        return page(status, "error.badRequest", "error.badRequestText", uri, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers, Request request) {
        if (DatabaseUnavailable.causedBy(e)) {
            LOG.warnf("Database unavailable on %s %s: %s", request.getMethod(), uri.getPath(), innermost(e));
            return unavailable(uri, headers, request);
        }
        if (e instanceof UnauthorizedException || e instanceof AuthenticationFailedException) {
            if (wantsJson(uri, headers)) {
                return Response.fromResponse(ApiErrors.status(401, "error.signInRequired"))
                        .header(HttpHeaders.WWW_AUTHENTICATE, ApiErrors.CHALLENGE).build();
            }
            return Response.status(401).build();
        }
        if (concurrentChange(e)) {
            LOG.infof("Concurrent change refused on %s %s", request.getMethod(), uri.getPath());
            return page(409, "error.concurrentChange", "error.concurrentChangeText", uri, headers);
        }
        LOG.errorf(e, "Unexpected error on %s", uri.getPath());
        return page(500, "error.unexpected", "error.unexpectedText", uri, headers);
    }

    /** 503 with Retry-After: the page offers to load the same address again (for a GET; otherwise the dashboard). */
    static Response unavailable(UriInfo uri, HttpHeaders headers, Request request) {
        Response.ResponseBuilder response;
        if (wantsJson(uri, headers)) {
            response = Response.fromResponse(ApiErrors.status(503, "error.databaseUnavailable"));
        } else {
            String retry = "GET".equals(request.getMethod()) ? sameAddress(uri) : "/";
            response = Response.status(503).type(MediaType.TEXT_HTML).entity(Templates.unavailable(retry));
        }
        return response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** The request's own path and query, or the dashboard if it could be read as another host's address. */
    private static String sameAddress(UriInfo uri) {
        String path = uri.getRequestUri().getRawPath();
        String query = uri.getRequestUri().getRawQuery();
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
            return "/";
        }
        return query == null ? path : path + "?" + query;
    }

    /**
     * Another transaction changed the same rows first (a version check that failed, also at commit): the request is
     * refused as a whole with 409, never a 500. Forms that can keep the user's input catch it themselves first.
     */
    private static boolean concurrentChange(Throwable e) {
        return Causes.any(e, cause -> cause instanceof jakarta.persistence.OptimisticLockException
                || cause instanceof org.hibernate.StaleStateException
                || cause instanceof EditConflictException);
    }

    /** The driver's own words, for the log (a cause chain can loop, hence the bound). */
    private static String innermost(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; depth < 20 && cause.getCause() != null; depth++) {
            cause = cause.getCause();
        }
        return cause.toString();
    }

    static Response page(int status, String titleKey, String textKey, UriInfo uri, HttpHeaders headers) {
        if (wantsJson(uri, headers)) {
            return ApiErrors.status(status, titleKey);
        }
        return Response.status(status).type(MediaType.TEXT_HTML).entity(Templates.error(status, titleKey, textKey))
                .build();
    }

    private static boolean wantsJson(UriInfo uri, HttpHeaders headers) {
        if (uri.getPath().startsWith("/api/")) {
            return true;
        }
        return headers.getAcceptableMediaTypes().stream().findFirst()
                .map(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType())
                .orElse(false);
    }
}
