package org.opregister.core;

import java.util.function.Supplier;

import jakarta.persistence.OptimisticLockException;

import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.exception.ConstraintViolationException;

/** What every service does around a change: refuse invalid input, refuse stale versions, surface conflicts. */
public final class Edits {

    private Edits() {
    }

    public static void failIfAny(FieldErrors errors) {
        if (errors.any()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The version a form carried; missing or not a number means it was not loaded from the record (stale, 409). */
    public static long version(String text) {
        FieldErrors errors = new FieldErrors();
        long version = new FormInput(errors).version("version", text);
        failIfAny(errors);
        return version;
    }

    /** The version the user loaded must be the one stored (null or negative: unknown, so a conflict). */
    public static void requireVersion(Long given, long current) {
        if (given == null || given < 0 || given != current) {
            throw new EditConflictException();
        }
    }

    /**
     * Runs a change and flushes it inside the transaction, so a concurrent change surfaces as an edit conflict: a
     * stale version, or a row that another writer inserted first where there may be only one (a unique key).
     */
    public static <T> T guarded(Supplier<T> work) {
        try {
            T result = work.get();
            Panache.getEntityManager().flush();
            return result;
        } catch (OptimisticLockException e) {
            throw new EditConflictException();
        } catch (ConstraintViolationException e) {
            if (e.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                throw new EditConflictException();
            }
            throw e;
        }
    }
}
