package org.opregister.ict;

import java.util.Locale;

import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.reference.Lei;

/** The create and edit form of an ICT third-party provider. */
public class IctProviderForm {

    @RestForm
    public String version;
    @RestForm
    public String name;
    @RestForm
    public String lei;
    @RestForm
    public String country;
    @RestForm
    public String personType;
    @RestForm
    public String notes;

    /** What was typed, checked; {@code version} null on creation. */
    public record Data(Long version, String name, String lei, String country, PersonType personType, String notes) {
    }

    static IctProviderForm blank() {
        IctProviderForm form = new IctProviderForm();
        form.personType = PersonType.LEGAL_PERSON.name();
        return form;
    }

    static IctProviderForm of(IctProvider provider) {
        IctProviderForm form = new IctProviderForm();
        form.version = Long.toString(provider.version);
        form.name = provider.name;
        form.lei = provider.lei;
        form.country = provider.country;
        form.personType = provider.personType.name();
        form.notes = provider.notes;
        return form;
    }

    static boolean checked(String box) {
        return "true".equalsIgnoreCase(box) || "on".equalsIgnoreCase(box);
    }

    public Data parse(boolean creating, FieldErrors errors) {
        FormInput input = new FormInput(errors);
        Long loaded = creating ? null : input.version("version", version);
        String typedName = input.text("name", name, true, IctProvider.NAME_MAX);
        if (typedName != null) {
            typedName = typedName.trim().replaceAll("\\s+", " ");
        }
        return new Data(loaded, typedName, lei(input, "lei", lei), country(input, "country", country),
                input.choice("personType", personType, PersonType.class, true),
                input.text("notes", notes, false, IctProvider.NOTES_MAX));
    }

    /** An optional LEI: upper case, spaces dropped, ISO 17442 format and check digits. */
    static String lei(FormInput input, String field, String value) {
        String typed = input.text(field, value, false, 40);
        if (typed == null) {
            return null;
        }
        typed = typed.toUpperCase(Locale.ROOT).replace(" ", "");
        if (!Lei.isValid(typed)) {
            input.errors().add(field, "error.lei");
            return null;
        }
        return typed;
    }

    /** An optional ISO 3166-1 alpha-2 country code, upper case. */
    static String country(FormInput input, String field, String value) {
        String typed = input.text(field, value, false, 10);
        if (typed == null) {
            return null;
        }
        typed = typed.toUpperCase(Locale.ROOT);
        if (!Countries.isValid(typed)) {
            input.errors().add(field, "error.ictCountry");
            return null;
        }
        return typed;
    }
}
