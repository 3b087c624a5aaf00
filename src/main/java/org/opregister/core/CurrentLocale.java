package org.opregister.core;

import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/** The locale of the current request, from Accept-Language among the bundles that exist. */
@RequestScoped
public class CurrentLocale {

    private Locale locale = AppLocale.DEFAULT;

    public Locale get() {
        return locale;
    }

    public void set(Locale locale) {
        this.locale = locale;
    }

    /** The request's locale where a request is active, the configured default elsewhere. */
    public static Locale current() {
        ManagedContext context = Arc.container() == null ? null : Arc.container().requestContext();
        if (context != null && context.isActive()) {
            return Arc.container().instance(CurrentLocale.class).get().get();
        }
        return AppLocale.DEFAULT;
    }
}
