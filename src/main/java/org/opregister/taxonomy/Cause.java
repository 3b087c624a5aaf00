package org.opregister.taxonomy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;

/** Cause categories of the operational-risk definition: people, processes, systems, external events. */
public enum Cause {

    PEOPLE, PROCESS, SYSTEMS, EXTERNAL;

    private static final Cause[] BY_NAME = Arrays.stream(values()).sorted(Comparator.comparing(Cause::name))
            .toArray(Cause[]::new);

    /** The names of a set of causes in alphabetical order, joined by a separator: the exports' form. */
    public static String names(Set<Cause> causes, char separator) {
        StringBuilder names = new StringBuilder(40);
        for (Cause cause : BY_NAME) {
            if (causes.contains(cause)) {
                if (!names.isEmpty()) {
                    names.append(separator);
                }
                names.append(cause.name());
            }
        }
        return names.toString();
    }
}
