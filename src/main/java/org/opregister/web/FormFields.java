package org.opregister.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Binds a posted HTML form onto a form class whose public fields are named like the inputs: a {@code String} field
 * takes the first value, a {@code List<String>} field all of them (empty when none). For the form classes that are
 * also the JSON API's body: Quarkus refuses {@code @RestForm} fields on a type a JSON method reads, so those forms
 * are bound here rather than with {@code @BeanParam}.
 */
public final class FormFields {

    private FormFields() {
    }

    public static <T> T bind(MultivaluedMap<String, String> posted, T form) {
        for (Field field : form.getClass().getFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            try {
                if (field.getType() == String.class) {
                    field.set(form, posted.getFirst(field.getName()));
                } else if (field.getType() == List.class) {
                    List<String> values = posted.get(field.getName());
                    field.set(form, values == null ? List.of() : List.copyOf(values));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("form field not writable: " + field, e);
            }
        }
        return form;
    }
}
