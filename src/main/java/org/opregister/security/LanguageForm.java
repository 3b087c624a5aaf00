package org.opregister.security;

import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.AppLocale;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;

/** The language a user picks for their account: one of the bundles' languages, or empty to follow the browser. */
public class LanguageForm {

    @RestForm
    public String language;

    public static LanguageForm of(User user) {
        LanguageForm form = new LanguageForm();
        form.language = user.locale == null ? "" : user.locale;
        return form;
    }

    /** The language code to store, null for "follow the browser" (posted as an empty value). */
    public String parse() {
        FieldErrors errors = new FieldErrors();
        if (language == null) {
            errors.add("language", "error.required");
        }
        Edits.failIfAny(errors);
        if (language.isBlank()) {
            return null;
        }
        String code = AppLocale.supported(language).map(l -> l.getLanguage()).orElse(null);
        if (code == null || !code.equals(language.trim())) {
            errors.add("language", "error.choice");
        }
        Edits.failIfAny(errors);
        return code;
    }
}
