package org.opregister.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The one binder for a form class that is also a JSON API body. Quarkus REST treats a class whose fields carry
 * {@code @RestForm} as a form, and refuses it as a JSON body; such a class keeps plain public fields, and its page
 * posts are bound here by field name: a {@code String} field takes the first value posted under its name, a
 * {@code List<String>} field every value (none: an empty list). Forms used only by pages bind with {@code @BeanParam}.
 */
public final class PostedForm {

    private PostedForm() {
    }

    public static <T> T bind(MultivaluedMap<String, String> posted, Class<T> type) {
        try {
            T form = type.getDeclaredConstructor().newInstance();
            for (Field field : type.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                    continue;
                }
                if (field.getType() == String.class) {
                    field.set(form, posted.getFirst(field.getName()));
                } else if (listOfText(field)) {
                    field.set(form, posted.getOrDefault(field.getName(), List.of()));
                }
            }
            return form;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot bind the form " + type.getName(), e);
        }
    }

    private static boolean listOfText(Field field) {
        return field.getType() == List.class && field.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] == String.class;
    }
}
