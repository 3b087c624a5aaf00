package org.opregister.core;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Message keys per form field (and "_form" for the form as a whole), rendered next to each field. */
public class FieldErrors {

    public static final String FORM = "_form";

    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Map<String, Object[]> args = new LinkedHashMap<>();

    public FieldErrors add(String field, String messageKey, Object... arguments) {
        keys.putIfAbsent(field, messageKey);
        args.putIfAbsent(field, arguments);
        return this;
    }

    public boolean has(String field) {
        return keys.containsKey(field);
    }

    public boolean any() {
        return !keys.isEmpty();
    }

    /** The message for a field in the current locale, or "" (templates call this). */
    public String get(String field) {
        return message(CurrentLocale.current(), field);
    }

    public String message(Locale locale, String field) {
        String key = keys.get(field);
        return key == null ? "" : Messages.get(locale, key, args.get(field));
    }

    public Map<String, String> messages(Locale locale) {
        Map<String, String> result = new LinkedHashMap<>();
        keys.keySet().forEach(field -> result.put(field, message(locale, field)));
        return result;
    }

    /** The fields with a problem, in the order they were found. */
    public java.util.List<String> fields() {
        return java.util.List.copyOf(keys.keySet());
    }

    /** The arguments of the field's message (none when the field has no problem). */
    public Object[] arguments(String field) {
        Object[] found = args.get(field);
        return found == null ? new Object[0] : found.clone();
    }

    public Map<String, String> keys() {
        return Map.copyOf(keys);
    }
}
