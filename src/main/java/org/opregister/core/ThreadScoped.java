package org.opregister.core;

/** A value that holds on the current thread while some work runs, then gives way to the one before (nestable). */
public final class ThreadScoped<T> {

    private final ThreadLocal<T> current = new ThreadLocal<>();

    public void run(T value, Runnable work) {
        T outer = current.get();
        current.set(value);
        try {
            work.run();
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    /** The value of the work running on this thread, or null. */
    public T get() {
        return current.get();
    }
}
