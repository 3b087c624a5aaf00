package org.opregister.losses;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventType;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The losses page's top ten: the same events, in the same order, as sorting every event of the period. */
class LargestEventsTest {

    @Test
    void theTenKeptAreTheTenAFullSortGives() {
        Random random = new Random(10);
        for (int round = 0; round < 200; round++) {
            List<LossScan.Event> events = new ArrayList<>();
            int size = random.nextInt(40);
            for (int i = 0; i < size; i++) {
                LossScan.Event event = new LossScan.Event(1_000 + random.nextInt(100_000), EventType.SYSTEMS,
                        BusinessLine.RETAIL_BANKING, true);
                // Few distinct amounts, so ties (decided by the older event) and nets at or below zero are common.
                event.gross = BigDecimal.valueOf(random.nextInt(6) * 1_000L);
                event.recoveries = BigDecimal.valueOf(random.nextInt(3) * 1_000L);
                events.add(event);
            }
            Collections.shuffle(events, random);
            List<LossScan.Event> sorted = events.stream().filter(e -> e.net().signum() > 0)
                    .sorted(Comparator.comparing(LossScan.Event::net).reversed().thenComparingLong(e -> e.id))
                    .limit(10).toList();
            assertEquals(ids(sorted), ids(LossAnalytics.largest(events, 10)), "round " + round);
        }
    }

    private static List<Long> ids(List<LossScan.Event> events) {
        return events.stream().map(e -> e.id).toList();
    }
}
