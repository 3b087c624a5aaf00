package org.opregister.reference;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.incident.IncidentFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A change of reporting currency: the start-up refusal's message, the conversion of every ledger line with the
 * rate table, and the refusal with nothing changed when a rate is missing. Conversions run in a transaction that
 * is rolled back (rollback-only), so the other tests keep their EUR ledger.
 */
@QuarkusTest
class FxLedgerConversionTest {

    @Inject
    LedgerConversion conversion;

    @Inject
    FxRateService rates;

    @Inject
    EntityManager em;

    @Inject
    Seen seen;

    @Inject
    ReportingCurrencyCheck check;

    /** The {@link LedgerConverted} events fired. */
    @Singleton
    static class Seen {

        final List<LedgerConverted> events = new ArrayList<>();

        void on(@Observes LedgerConverted event) {
            events.add(event);
        }
    }

    @Test
    void theRefusalSaysWhichCurrenciesAndHowToConvert() {
        String message = ReportingCurrencyCheck.problem("EUR (12 line(s))", "USD").orElseThrow();
        assertTrue(message.contains("EUR (12 line(s))") && message.contains("OPRISK_REPORTING_CURRENCY is USD"),
                message);
        assertTrue(message.contains("OPRISK_CONVERT_LEDGER_TO_REPORTING_CURRENCY=true"), message);
        assertTrue(message.contains("base currency USD on /fx-rates"), message);
        assertTrue(ReportingCurrencyCheck.problem("", "USD").isEmpty());
        assertEquals(List.of(), conversion.otherCurrencies("EUR"), "the test ledger is in EUR");
    }

    @Test
    void theStartUpCheckRefusesAnotherCurrencyAndAConversionWithoutRates() {
        assertEquals(0, check.check("EUR", false), "the ledger is in the configured currency");
        assertEquals(0, check.check("EUR", true), "nothing to convert");
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> check.check("USD", false));
        assertTrue(refused.getMessage().startsWith("The loss ledger is in reporting currency EUR ("),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("OPRISK_CONVERT_LEDGER_TO_REPORTING_CURRENCY=true"));
        ConfigurationException missing = assertThrows(ConfigurationException.class, () -> check.check("NOK", true));
        assertTrue(missing.getMessage().contains("has no rate into NOK"), missing.getMessage());
        assertEquals(List.of(), conversion.otherCurrencies("EUR"), "nothing changed");
    }

    @Test
    void everyLineIsReconvertedFromItsOwnAmountAtTheRateOfItsAccountingDate() {
        var officer = TestSupport.session("officer");
        long incident = IncidentFixtures.record(officer, "Conversion target " + System.nanoTime());
        IncidentFixtures.addLoss(officer, incident, IncidentFixtures.lossForm("DIRECT_CHARGE", "1000", "USD", "0.9",
                "2025-03-31"));
        IncidentFixtures.addLoss(officer, incident,
                IncidentFixtures.lossForm("INSURANCE_RECOVERY", "200", "EUR", "", "2025-04-15"));
        seen.events.clear();
        var rolledBack = assertThrows(QuarkusTransactionException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    // Rates into USD for every currency the ledger holds: EUR 1.08 from 2025-04-01, 1.05 before.
                    StringBuilder file = new StringBuilder("currency,date,rate\n");
                    currencies().stream().filter(c -> !c.equals("USD"))
                            .forEach(c -> file.append(c).append(",1900-01-01,").append(c.equals("EUR") ? "1.05" : "2")
                                    .append('\n'));
                    file.append("EUR,2025-04-01,1.08\n");
                    rates.importFile("USD", new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));
                    int converted = conversion.convert("USD");
                    assertTrue(converted >= 2, "converted " + converted);
                    List<Object[]> lines = lines(incident);
                    assertEquals(2, lines.size());
                    assertLine(lines.get(0), "1000.00", "USD", "1", "1000.00", "USD");
                    assertLine(lines.get(1), "200.00", "EUR", "1.08", "216.00", "USD");
                    assertEquals(List.of(), conversion.otherCurrencies("USD"));
                    assertEquals(1, seen.events.size());
                    assertEquals("EUR", seen.events.get(0).from());
                    assertEquals("USD", seen.events.get(0).to());
                    assertEquals(converted, seen.events.get(0).lines());
                    org.opregister.incident.Incident totals = org.opregister.incident.Incident.findById(incident);
                    assertEquals(new java.math.BigDecimal("1000.00"), totals.grossLoss, "re-summed in USD");
                    assertEquals(new java.math.BigDecimal("784.00"), totals.netLoss, "1,000 − 216 recovered");
                    assertEquals(0, conversion.convert("USD"), "a second start finds nothing to convert");
                    QuarkusTransaction.setRollbackOnly();
                }));
        assertTrue(rolledBack.getCause() instanceof jakarta.transaction.RollbackException, rolledBack.toString());
        List<Object[]> after = QuarkusTransaction.requiringNew().call(() -> lines(incident));
        assertLine(after.get(1), "200.00", "EUR", "1", "200.00", "EUR");
    }

    @Test
    void aMissingRateChangesNothingAndListsWhatIsMissing() {
        var officer = TestSupport.session("officer");
        long incident = IncidentFixtures.record(officer, "Conversion refused " + System.nanoTime());
        IncidentFixtures.addLoss(officer, incident, IncidentFixtures.lossForm("DIRECT_CHARGE", "500", "EUR", "",
                "2025-03-10"));
        LedgerConversion.MissingRatesException refused = assertThrows(LedgerConversion.MissingRatesException.class,
                () -> conversion.convert("NOK"));
        assertTrue(refused.count() >= 1);
        assertTrue(refused.missing().size() <= LedgerConversion.LISTED);
        assertTrue(refused.missing().contains(new LedgerConversion.Missing("EUR", java.time.LocalDate.of(2025, 3, 10)))
                || refused.count() > LedgerConversion.LISTED, refused.getMessage());
        assertTrue(refused.getMessage().contains("base currency NOK"), refused.getMessage());
        assertEquals(List.of(), conversion.otherCurrencies("EUR"), "nothing changed");
        assertLine(QuarkusTransaction.requiringNew().call(() -> lines(incident)).get(0), "500.00", "EUR", "1",
                "500.00", "EUR");
    }

    private List<String> currencies() {
        return em.createNativeQuery("select distinct currency from loss_entry", String.class).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> lines(long incident) {
        return em.createNativeQuery("select amount, currency, fx_rate, reporting_amount, reporting_currency"
                + " from loss_entry where incident_id = ?1 order by accounting_date").setParameter(1, incident)
                .getResultList();
    }

    private static void assertLine(Object[] line, String amount, String currency, String rate, String reporting,
            String reportingCurrency) {
        String shown = List.of(line).stream().map(String::valueOf).collect(Collectors.joining(" "));
        assertEquals(0, new BigDecimal(amount).compareTo((BigDecimal) line[0]), shown);
        assertEquals(currency, line[1], shown);
        assertEquals(0, new BigDecimal(rate).compareTo((BigDecimal) line[2]), shown);
        assertEquals(0, new BigDecimal(reporting).compareTo((BigDecimal) line[3]), shown);
        assertEquals(reportingCurrency, line[4], shown);
    }
}
