package org.opregister.seed;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.opregister.core.NotAudited;

/** Marks a piece of seed data as applied, so it is never applied again, even after users changed or removed it. */
@Entity
@NotAudited
@Table(name = "seed_run")
public class SeedRun extends PanacheEntityBase {

    @Id
    @Column(length = 100)
    public String name;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;

    public static boolean applied(String name) {
        return findById(name) != null;
    }

    public static void mark(String name) {
        SeedRun run = new SeedRun();
        run.name = name;
        run.appliedAt = Instant.now();
        run.persist();
    }
}
