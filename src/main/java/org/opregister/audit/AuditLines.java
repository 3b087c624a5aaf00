package org.opregister.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;

import org.hibernate.Session;

import org.opregister.core.CurrentLocale;
import org.opregister.core.Messages;

/**
 * Audit entries as pages show them. Entries store ids (hashed as written, never rewritten); the records they
 * name are looked up when shown, so a reference or title reads as it is now, and a removed record falls back to
 * the label stored with the entry.
 */
public final class AuditLines {

    private final EntityManager em;
    private final Locale locale = CurrentLocale.current();
    private final Map<String, Class<?>> types = new HashMap<>();
    private final Map<String, RecordRef> resolved = new HashMap<>();

    private AuditLines(EntityManager em) {
        this.em = em;
        for (EntityType<?> type : em.getMetamodel().getEntities()) {
            types.put(type.getJavaType().getSimpleName(), type.getJavaType());
        }
    }

    /** The History tab of a record: its entries and its parts', newest first. */
    public static List<AuditLine> history(String recordType, Object recordId) {
        return of(AuditEntry.history(recordType, recordId));
    }

    public static List<AuditLine> of(List<AuditEntry> entries) {
        AuditLines lines = new AuditLines(AuditEntry.getEntityManager());
        lines.preload(entries);
        return entries.stream().map(lines::line).toList();
    }

    /**
     * The records the entries name, read in one query per kind of record (not one per record) into the session, where
     * the lookups below find them.
     */
    private void preload(List<AuditEntry> entries) {
        Map<Class<?>, Set<Object>> ids = new HashMap<>();
        for (AuditEntry entry : entries) {
            Class<?> type = entry.recordType == null ? null : types.get(entry.recordType);
            Object key = type == null || entry.recordId == null ? null : key(type, entry.recordId);
            if (key != null) {
                ids.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(key);
            }
        }
        Session session = em.unwrap(Session.class);
        ids.forEach((type, keys) -> session.byMultipleIds(type).multiLoad(List.copyOf(keys)));
    }

    /** A record type as people call it ("Loss line"), from the bundle; the stored name when there is no label. */
    public static String typeLabel(String recordType) {
        String label = Messages.get(CurrentLocale.current(), "recordType." + recordType);
        return label.startsWith("??") ? recordType : label;
    }

    private AuditLine line(AuditEntry entry) {
        RecordRef record = entry.recordType == null
                ? null
                : record(entry.recordType, entry.recordId, entry.recordLabel);
        Class<?> type = types.get(entry.recordType);
        List<FieldChange> changes = entry.changeList();
        List<AuditLine.Change> shown = new ArrayList<>();
        for (FieldChange change : changes) {
            Class<?> target = type == null ? null : AuditedFields.referencedType(type, change.field(), changes);
            String targetType = target == null ? null : AuditedFields.typeName(target);
            shown.add(new AuditLine.Change(AuditText.fieldLabel(change, entry.recordType), AuditText.before(change),
                    AuditText.after(change), reference(targetType, change.oldValue()),
                    reference(targetType, change.newValue())));
        }
        FieldChange other = linkedSide(entry, type, changes);
        if (other != null) {
            Class<?> target = AuditedFields.referencedType(type, other.field(), changes);
            String targetType = AuditedFields.typeName(target);
            boolean created = entry.action == AuditAction.CREATE;
            String noun = Messages.get(locale, "recordNoun." + targetType);
            String text = Messages.get(locale, created ? "audit.linked" : "audit.unlinked",
                    noun.startsWith("??") ? typeLabel(targetType) : noun);
            return new AuditLine(entry, record, text,
                    reference(targetType, created ? other.newValue() : other.oldValue()), shown);
        }
        return new AuditLine(entry, record, null, null, shown);
    }

    /**
     * For a record that only links two others (an incident and a control), created or deleted: the side that is
     * not the record whose history this is (its parent). Null for any other entry.
     */
    private static FieldChange linkedSide(AuditEntry entry, Class<?> type, List<FieldChange> changes) {
        if (type == null || entry.parentType == null
                || (entry.action != AuditAction.CREATE && entry.action != AuditAction.DELETE)) {
            return null;
        }
        AuditedFields.References references = AuditedFields.references(type);
        if (references.fields().size() != 2 || !changes.stream().allMatch(c -> references.fields().contains(c.field())
                || references.kindFields().contains(c.field()))) {
            return null;
        }
        FieldChange other = null;
        for (FieldChange change : changes) {
            Class<?> target = references.fields().contains(change.field())
                    ? AuditedFields.referencedType(type, change.field(), changes)
                    : null;
            if (target == null) {
                continue;
            }
            String value = entry.action == AuditAction.CREATE ? change.newValue() : change.oldValue();
            boolean parent = entry.parentType.equals(AuditedFields.typeName(target)) && entry.parentId.equals(value);
            if (!parent) {
                other = change;
            }
        }
        return other;
    }

    private RecordRef reference(String type, String id) {
        return type == null || id == null || id.isEmpty() ? null : record(type, id, null);
    }

    private RecordRef record(String type, String id, String storedLabel) {
        return resolved.computeIfAbsent(type + "#" + id, key -> lookUp(type, id, storedLabel));
    }

    private RecordRef lookUp(String type, String id, String storedLabel) {
        String fallback = storedLabel != null ? storedLabel : id == null ? null : "#" + id;
        Class<?> entityClass = types.get(type);
        Object entity = entityClass == null || id == null ? null : find(entityClass, id);
        if (!(entity instanceof AuditSubject subject)) {
            return new RecordRef(typeLabel(type), fallback, null, null);
        }
        if (subject.auditPath() == null && subject.auditParent() instanceof AuditSubject parent) {
            // A part (a loss line) is named by the record it belongs to, whose page shows it.
            return new RecordRef(typeLabel(type), parent.auditLabel(), parent.auditTitle(), parent.auditPath());
        }
        return new RecordRef(typeLabel(type), subject.auditLabel(), subject.auditTitle(), subject.auditPath());
    }

    private Object find(Class<?> entityClass, String id) {
        Object key = key(entityClass, id);
        return key == null ? null : em.find(entityClass, key);
    }

    /** The id as the entity's id type (a number or a text), or null when it cannot be one. */
    private Object key(Class<?> entityClass, String id) {
        Class<?> idType = em.getMetamodel().entity(entityClass).getIdType().getJavaType();
        try {
            if (idType == Long.class || idType == long.class) {
                return Long.valueOf(id);
            }
            return idType == String.class ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
