package org.opregister.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import org.opregister.core.CurrentLocale;

/** What the layout needs to know of the request: path for the active menu entry, language. */
@Named("request")
@RequestScoped
public class RequestInfo {

    @Inject
    HttpServerRequest request;

    @Inject
    RoutingContext routingContext;

    @Inject
    SecurityIdentity identity;

    public String path() {
        return request.path();
    }

    public String lang() {
        return CurrentLocale.current().getLanguage();
    }

    /** Whether the CSRF filter ran for this request (not so for unknown paths), so forms can carry a token. */
    public boolean csrfAvailable() {
        return routingContext.get("csrf_token") != null;
    }

    public List<Navigation> navigation() {
        return Navigation.entries(identity.getRoles());
    }
}
