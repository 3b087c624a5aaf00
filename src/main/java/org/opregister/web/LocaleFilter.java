package org.opregister.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.opregister.core.AppLocale;
import org.opregister.core.CurrentLocale;

public class LocaleFilter {

    @Inject
    CurrentLocale currentLocale;

    @ServerRequestFilter(preMatching = true)
    public void pickLocale(ContainerRequestContext request) {
        currentLocale.set(AppLocale.pick(request.getAcceptableLanguages()));
    }
}
