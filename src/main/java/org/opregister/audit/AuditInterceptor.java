package org.opregister.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.Interceptor;
import org.hibernate.Transaction;
import org.hibernate.type.Type;

import org.opregister.core.StampListener;
import org.opregister.core.StoredText;
import org.opregister.core.Storyline;

/**
 * Records every insert, update and delete of every entity, field by field, without any code in the entities or
 * services: changes are collected as Hibernate flushes them and written to the trail just before the
 * transaction commits (after the last flush), in that same transaction. An update counts once its flush has run:
 * before a query Hibernate may look for changes and then not execute them (the query reads other tables), and
 * finds the same changes again at the next flush. One instance per session. Being the one
 * place every write passes, it also cleans control characters out of stored text first ({@link StoredText}), so the
 * trail records what is stored.
 */
@PersistenceUnitExtension
@Dependent
public class AuditInterceptor implements Interceptor {

    @Inject
    AuditWriter writer;

    /**
     * Drafts held in memory beyond this many, at the end of a flush, go to a spool file instead ({@link AuditSpool}):
     * only transactions writing very many records (an import) get there.
     */
    static final int SPOOL_AT = 1000;

    private final List<AuditDraft> pending = new ArrayList<>();

    /** This transaction's entries beyond {@link #SPOOL_AT}, once it has some. */
    private AuditSpool spool;

    /** Updates found by the flush in progress, by record; a flush that is not executed leaves them to the next. */
    private final Map<String, AuditDraft> flushing = new LinkedHashMap<>();

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        boolean cleaned = StoredText.clean(state);
        collect(entity, id, AuditAction.CREATE, AuditedFields.diff(entity.getClass(), names, null, state));
        return cleaned;
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] current, Object[] previous, String[] names,
            Type[] types) {
        boolean cleaned = StoredText.clean(current);
        List<FieldChange> changes = AuditedFields.diff(entity.getClass(), names, previous, current);
        String record = AuditedFields.typeName(entity.getClass()) + "#" + id;
        AuditDraft draft = changes.isEmpty() ? null : draft(entity, id, AuditAction.UPDATE, changes);
        if (draft != null) {
            flushing.put(record, draft);
        } else {
            flushing.remove(record);
        }
        return cleaned;
    }

    /** Called only after a flush has written its changes. */
    @Override
    public void postFlush(Iterator<Object> entities) {
        pending.addAll(flushing.values());
        flushing.clear();
        if (pending.size() >= SPOOL_AT) {
            if (spool == null) {
                spool = new AuditSpool();
            }
            spool.add(pending);
            pending.clear();
        }
    }

    @Override
    public void onRemove(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        collect(entity, id, AuditAction.DELETE, AuditedFields.diff(entity.getClass(), names, state, null));
    }

    @Override
    public void beforeTransactionCompletion(Transaction transaction) {
        flushing.clear();
        if (!pending.isEmpty() || spool != null) {
            List<AuditDraft> drafts = List.copyOf(pending);
            pending.clear();
            try {
                writer.append(spool, drafts);
            } catch (RuntimeException e) {
                // Hibernate only logs what this callback throws: without this the change would commit unaudited.
                transaction.markRollbackOnly();
                throw e;
            }
        }
    }

    @Override
    public void afterTransactionCompletion(Transaction transaction) {
        pending.clear();
        flushing.clear();
        if (spool != null) {
            spool.close();
            spool = null;
        }
    }

    private void collect(Object entity, Object id, AuditAction action, List<FieldChange> changes) {
        AuditDraft draft = draft(entity, id, action, changes);
        if (draft != null) {
            pending.add(draft);
        }
    }

    private static AuditDraft draft(Object entity, Object id, AuditAction action, List<FieldChange> changes) {
        if (!AuditedFields.audited(entity.getClass())) {
            return null;
        }
        String label = null;
        String parentType = null;
        String parentId = null;
        if (entity instanceof AuditSubject subject) {
            label = subject.auditLabel();
            Object parent = subject.auditParent();
            if (parent != null) {
                parentType = AuditedFields.typeName(parent.getClass());
                parentId = String.valueOf(AuditedFields.idOf(parent));
            }
        }
        Storyline.Step step = Storyline.current();
        return new AuditDraft(StampListener.now(), StampListener.currentUser(), action,
                AuditedFields.typeName(entity.getClass()),
                String.valueOf(id), label, parentType, parentId, changes, step == null ? null : step.note(),
                step != null);
    }
}
