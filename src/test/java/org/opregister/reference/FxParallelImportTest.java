package org.opregister.reference;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.Parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Imports started together (several managers, several instances) take turns: no key clash, no row lost. */
@QuarkusTest
class FxParallelImportTest {

    @Inject
    FxRateService service;

    @Test
    void overlappingImportsReleasedTogetherStoreEveryRateOnce() {
        // Thread i imports days i+1 .. i+6 of January 1953 for three currencies: the files overlap pairwise.
        int threads = 4;
        List<FxRateService.ImportResult> results = Parallel.run(threads, i -> {
            StringBuilder file = new StringBuilder("Date,USD,JPY,CHF\n");
            for (int day = i + 1; day <= i + 6; day++) {
                file.append(String.format("1953-01-%02d,1.%d,16%d,0.9%d%n", day, day, day, day));
            }
            return service.importFile("EUR",
                    new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));
        });
        // Days 1 .. 9, three currencies each.
        assertEquals(27, QuarkusTransaction.requiringNew().call(() -> FxRate.count(
                "baseCurrency = ?1 and rateDate between ?2 and ?3", "EUR", LocalDate.of(1953, 1, 1),
                LocalDate.of(1953, 1, 31))));
        assertEquals(27, results.stream().mapToInt(FxRateService.ImportResult::added).sum(), results.toString());
        assertEquals(threads * 18, results.stream().mapToInt(r -> r.added() + r.unchanged() + r.updated()).sum());
        assertEquals(0, results.stream().mapToInt(FxRateService.ImportResult::updated).sum(), "same values");
    }
}
