package org.opregister.audit;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Version;

import org.hibernate.proxy.HibernateProxy;

import org.opregister.core.NotAudited;

/** Which fields of an entity the trail records, and how their values are written as text. */
final class AuditedFields {

    /** Bookkeeping every record has; the entry itself says who and when. */
    private static final Set<String> STAMPS = Set.of("createdAt", "createdBy", "updatedAt", "updatedBy");

    private static final Map<Class<?>, Map<String, Field>> FIELDS = new ConcurrentHashMap<>();

    private static final Map<Class<?>, List<Field>> EMBEDDED = new ConcurrentHashMap<>();

    private AuditedFields() {
    }

    static boolean audited(Class<?> type) {
        return !entityClass(type).isAnnotationPresent(NotAudited.class);
    }

    static String typeName(Class<?> type) {
        return entityClass(type).getSimpleName();
    }

    static Object idOf(Object entity) {
        if (entity instanceof HibernateProxy proxy) {
            return proxy.getHibernateLazyInitializer().getIdentifier();
        }
        Field id = fields(entity.getClass()).get("id");
        try {
            return id == null ? null : id.get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The entity a field of an entry refers to: a many-to-one, or an id whose kind another field of the entry gives
     * ({@link RefersTo}); null when the field holds a plain value or the kind is not in the entry.
     */
    static Class<?> referencedType(Class<?> type, String fieldName, List<FieldChange> changes) {
        Field field = fields(type).get(fieldName);
        if (field == null) {
            return null;
        }
        if (field.getType().isAnnotationPresent(Entity.class)) {
            return field.getType();
        }
        RefersTo refersTo = field.getAnnotation(RefersTo.class);
        Field kindField = refersTo == null ? null : fields(type).get(refersTo.kindField());
        if (kindField == null || !kindField.getType().isEnum()
                || !RecordKind.class.isAssignableFrom(kindField.getType())) {
            return null;
        }
        for (FieldChange change : changes) {
            String kind = change.newValue() != null ? change.newValue() : change.oldValue();
            if (change.field().equals(refersTo.kindField()) && kind != null) {
                for (Object constant : kindField.getType().getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(kind)) {
                        return ((RecordKind) constant).recordClass();
                    }
                }
            }
        }
        return null;
    }

    /**
     * The audited fields of an entity that refer to other records, by name, in declaration order, and the fields
     * that only say which kind of record a {@link RefersTo} id is of.
     */
    static References references(Class<?> type) {
        List<String> names = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (Class<?> c = entityClass(type); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(NotAudited.class)) {
                    continue;
                }
                if (field.getType().isAnnotationPresent(Entity.class)) {
                    names.add(field.getName());
                } else if (field.isAnnotationPresent(RefersTo.class)) {
                    names.add(field.getName());
                    kinds.add(field.getAnnotation(RefersTo.class).kindField());
                }
            }
        }
        return new References(names, kinds);
    }

    record References(List<String> fields, List<String> kindFields) {
    }

    /** The changed fields between two states (either may be null: insert or delete), in property order. */
    static List<FieldChange> diff(Class<?> type, String[] names, Object[] before, Object[] after) {
        Map<String, Field> fields = fields(type);
        List<FieldChange> changes = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            Field field = fields.get(names[i]);
            if (field == null || STAMPS.contains(names[i]) || field.isAnnotationPresent(NotAudited.class)
                    || field.isAnnotationPresent(Version.class)) {
                continue;
            }
            Object oldState = before == null ? null : before[i];
            Object newState = after == null ? null : after[i];
            if (field.getType().isAnnotationPresent(Embeddable.class)) {
                for (Field part : embeddedFields(field.getType())) {
                    add(changes, part, part.getName(), valueOf(part, oldState), valueOf(part, newState),
                            before == null, after == null);
                }
            } else {
                add(changes, field, names[i], oldState, newState, before == null, after == null);
            }
        }
        return changes;
    }

    private static void add(List<FieldChange> changes, Field field, String name, Object before, Object after,
            boolean inserted, boolean deleted) {
        String oldValue = text(before);
        String newValue = text(after);
        if (Objects.equals(oldValue, newValue)) {
            return;
        }
        if (field.isAnnotationPresent(Masked.class)) {
            changes.add(new FieldChange(name, "masked", inserted ? null : "***", deleted ? null : "***"));
        } else {
            changes.add(new FieldChange(name, enumType(field), oldValue, newValue));
        }
    }

    /** The fields of an embedded value (a review, say), which the trail records under their own names. */
    private static List<Field> embeddedFields(Class<?> type) {
        return EMBEDDED.computeIfAbsent(type, t -> {
            List<Field> parts = new ArrayList<>();
            for (Field part : t.getDeclaredFields()) {
                if (!java.lang.reflect.Modifier.isStatic(part.getModifiers()) && !enhancerField(part)) {
                    part.setAccessible(true);
                    parts.add(part);
                }
            }
            return parts;
        });
    }

    /**
     * A field Hibernate's bytecode enhancement adds to an embeddable (its owners' tracker): not the record's data, and
     * its value is an object's identity, which would show as a change.
     */
    static boolean enhancerField(Field part) {
        return part.getName().startsWith(ENHANCER_PREFIX);
    }

    static final String ENHANCER_PREFIX = "$$_hibernate_";

    private static Object valueOf(Field part, Object embedded) {
        try {
            return embedded == null ? null : part.get(embedded);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof BigDecimal number) {
            // 1500, 1500.0 and 1500.00 are one amount; shown with at least two decimals.
            BigDecimal plain = number.stripTrailingZeros();
            return (plain.scale() < 2 ? plain.setScale(2) : plain).toPlainString();
        }
        if (value instanceof Collection<?> items) {
            return items.isEmpty()
                    ? null
                    : items.stream().map(AuditedFields::text).sorted().collect(Collectors.joining(","));
        }
        if (value instanceof HibernateProxy || entityClass(value.getClass()).isAnnotationPresent(Entity.class)) {
            return String.valueOf(idOf(value));
        }
        return value.toString();
    }

    /** The enum a field's values come from (also for a set of enum values), or "boolean", so a page can show labels. */
    private static String enumType(Field field) {
        if (field.getType() == boolean.class || field.getType() == Boolean.class) {
            return "boolean";
        }
        if (field.getType().isEnum()) {
            return field.getType().getSimpleName();
        }
        if (Collection.class.isAssignableFrom(field.getType())
                && field.getGenericType() instanceof ParameterizedType generic
                && generic.getActualTypeArguments()[0] instanceof Class<?> element && element.isEnum()) {
            return element.getSimpleName();
        }
        return null;
    }

    private static Class<?> entityClass(Class<?> type) {
        Class<?> current = type;
        while (current != null && !current.isAnnotationPresent(Entity.class)) {
            current = current.getSuperclass();
        }
        return current == null ? type : current;
    }

    private static Map<String, Field> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(entityClass(type), entity -> {
            Map<String, Field> byName = new ConcurrentHashMap<>();
            for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                        field.setAccessible(true);
                        byName.putIfAbsent(field.getName(), field);
                    }
                }
            }
            return byName;
        });
    }
}
