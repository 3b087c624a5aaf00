package org.opregister.core;

import java.util.function.Supplier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Link records (a record of their own between two others, so that each link made or removed is audited). */
public final class Links {

    private Links() {
    }

    /** Makes a link exist (create it if missing) or not (remove it; 404 if there is none). */
    public static void toggle(PanacheEntityBase existing, boolean linked, Supplier<PanacheEntityBase> create) {
        if (linked && existing == null) {
            create.get().persist();
        } else if (!linked) {
            Records.require(existing, PanacheEntityBase.class, "link").delete();
        }
    }
}
