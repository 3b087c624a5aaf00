package org.opregister.core;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/** Walking a failure's cause chain, which can loop, to tell what really went wrong. */
public final class Causes {

    private Causes() {
    }

    /** Whether the failure or any of its causes matches. */
    public static boolean any(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}
