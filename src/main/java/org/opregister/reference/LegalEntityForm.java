package org.opregister.reference;

import java.util.Locale;

import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/** The create and edit form of a legal entity (the code is set once, at creation). */
public class LegalEntityForm {

    @RestForm
    public String version;
    @RestForm
    public String code;
    @RestForm
    public String name;
    @RestForm
    public String lei;

    /** What was typed, checked; {@code version} null on creation. */
    public record Entity(Long version, String code, String name, String lei) {
    }

    static LegalEntityForm of(LegalEntity entity) {
        LegalEntityForm form = new LegalEntityForm();
        form.version = Long.toString(entity.version);
        form.code = entity.code;
        form.name = entity.name;
        form.lei = entity.lei;
        return form;
    }

    public Entity parse(boolean creating, FieldErrors errors) {
        FormInput input = new FormInput(errors);
        Long loaded = creating ? null : input.version("version", version);
        String typedCode = null;
        if (creating) {
            typedCode = input.code("code", code, LegalEntity.CODE_MAX, "error.legalEntityCode");
        }
        String typedLei = input.text("lei", lei, false, 40);
        if (typedLei != null) {
            typedLei = typedLei.toUpperCase(Locale.ROOT).replace(" ", "");
            if (!Lei.isValid(typedLei)) {
                errors.add("lei", "error.lei");
                typedLei = null;
            }
        }
        return new Entity(loaded, typedCode, input.text("name", name, true, LegalEntity.NAME_MAX), typedLei);
    }
}
