package org.opregister.core;

import java.util.HashSet;
import java.util.List;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.Parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first row of its kind, made by many requests at once: counters, named locks, job runs. */
@QuarkusTest
class FirstOfAKindTest {

    @Test
    void parallelFirstReferencesOfAPrefixAreAllHandedOutOnce() {
        String prefix = "T" + (System.nanoTime() % 100_000);
        List<String> references = Parallel.run(20, i -> QuarkusTransaction.requiringNew()
                .call(() -> ReferenceCounter.next(prefix, 2031)));
        assertEquals(20, new HashSet<>(references).size(), "unique: " + references);
        assertTrue(references.contains(prefix + "-2031-0001") && references.contains(prefix + "-2031-0020"),
                references.toString());
    }

    @Test
    void aClusterLockLetsOneTransactionAtATimeThrough() {
        String key = "lock-test-" + System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> ReferenceCounter.next(key));
        // Read, wait, write back: without the lock, parallel transactions would overwrite each other's increments.
        Parallel.run(10, i -> {
            QuarkusTransaction.requiringNew().run(() -> {
                ClusterLock.hold("test:" + key);
                Number value = (Number) Panache.getEntityManager()
                        .createNativeQuery("select next_value from reference_counter where counter_key = ?1")
                        .setParameter(1, key).getSingleResult();
                pause();
                Panache.getEntityManager()
                        .createNativeQuery("update reference_counter set next_value = ?1 where counter_key = ?2")
                        .setParameter(1, value.longValue() + 1).setParameter(2, key).executeUpdate();
            });
            return null;
        });
        long value = QuarkusTransaction.requiringNew()
                .call(() -> ReferenceCounter.<ReferenceCounter>findById(key).nextValue);
        assertEquals(12, value, "ten increments after the first reference");
    }

    @Test
    void aJobRunIsClaimedOnceWhateverHowManyTry() {
        String period = "run-" + System.nanoTime();
        List<Boolean> claims = Parallel.run(8, i -> QuarkusTransaction.requiringNew().call(() -> {
            boolean claimed = JobRuns.claim("test-job", period);
            pause();
            return claimed;
        }));
        assertEquals(1, claims.stream().filter(c -> c).count(), claims.toString());
    }

    @Test
    void aRunRolledBackLeavesItsPeriodToTheNextTry() {
        String period = "rolled-back-" + System.nanoTime();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                assertTrue(JobRuns.claim("test-job", period));
                throw new IllegalStateException("the instance died half-way");
            });
        } catch (IllegalStateException expected) {
            // the claim went with the transaction
        }
        assertTrue(QuarkusTransaction.requiringNew().call(() -> JobRuns.claim("test-job", period)));
        assertTrue(!QuarkusTransaction.requiringNew().call(() -> JobRuns.claim("test-job", period)));
    }

    private static void pause() {
        try {
            Thread.sleep(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
