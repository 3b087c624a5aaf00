package org.opregister.web;

import io.quarkus.security.ForbiddenException;

/** A sign-in form posted from another site (login CSRF); refused with 403 before any password is checked. */
public class CrossSiteSignIn extends ForbiddenException {

    public CrossSiteSignIn() {
        super("sign-in sent from another site");
    }
}
