package org.opregister.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An import numbers its records from blocks taken in transactions of their own: whoever records a record of the same
 * kind meanwhile gets the next free number at once instead of waiting for the import to end; a dry run takes none.
 */
@QuarkusTest
class ReferenceBlocksTest {

    @Test
    void aLongTransactionNumberingInBlocksKeepsNoCounterLocked() throws Exception {
        String prefix = "B" + (System.nanoTime() % 100_000);
        ExecutorService officer = Executors.newSingleThreadExecutor();
        try {
            String[] seen = new String[3];
            QuarkusTransaction.requiringNew().run(() -> ReferenceCounter.inBlocks(false, () -> {
                seen[0] = ReferenceCounter.next(prefix, 2032);
                seen[1] = ReferenceCounter.next(prefix, 2032);
                try {
                    // Another transaction numbers a record of the same year and commits while this one is open.
                    seen[2] = officer.submit(() -> QuarkusTransaction.requiringNew()
                            .call(() -> ReferenceCounter.next(prefix, 2032))).get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other writer waited for this transaction", e);
                }
            }));
            assertEquals(prefix + "-2032-0001", seen[0]);
            assertEquals(prefix + "-2032-0002", seen[1]);
            assertEquals(prefix + "-2032-" + String.format("%04d", ReferenceCounter.BLOCK + 1), seen[2],
                    "the other writer's number follows the block in hand");
        } finally {
            officer.shutdownNow();
        }
    }

    @Test
    void aRehearsalTakesNoNumberAndLeavesTheCounterAsItWas() {
        String prefix = "R" + (System.nanoTime() % 100_000);
        String[] rehearsed = new String[1];
        QuarkusTransaction.requiringNew().run(() -> ReferenceCounter.inBlocks(true,
                () -> rehearsed[0] = ReferenceCounter.next(prefix)));
        assertEquals(prefix + "-" + ReferenceCounter.REHEARSAL_FROM, rehearsed[0]);
        assertNull(QuarkusTransaction.requiringNew().call(() -> ReferenceCounter.findById(prefix)),
                "no counter was created or moved");
        String kept = QuarkusTransaction.requiringNew().call(() -> ReferenceCounter.next(prefix));
        assertTrue(kept.endsWith("-0001"), kept);
    }
}
