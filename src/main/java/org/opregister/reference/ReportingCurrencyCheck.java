package org.opregister.reference;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import org.jboss.logging.Logger;

import org.opregister.core.OpriskConfig;

/**
 * One reporting currency per database. On start (after Flyway, before the demo data), a loss ledger holding lines in
 * another reporting currency than {@code OPRISK_REPORTING_CURRENCY} stops the start with a message that says how
 * to convert: with {@code OPRISK_CONVERT_LEDGER_TO_REPORTING_CURRENCY=true} the lines are converted once with the rate
 * table ({@link LedgerConversion}); a rate missing stops the start again, with nothing changed.
 */
@ApplicationScoped
public class ReportingCurrencyCheck {

    private static final Logger LOG = Logger.getLogger(ReportingCurrencyCheck.class);

    @Inject
    OpriskConfig config;

    @Inject
    LedgerConversion conversion;

    void onStart(@Observes @Priority(2) StartupEvent event) {
        check(config.reportingCurrency(), config.convertLedgerToReportingCurrency());
    }

    /**
     * Refuses ({@link ConfigurationException}, one line) a ledger in another currency than {@code configured}, or
     * converts it when {@code convert}; answers how many lines were converted.
     */
    int check(String configured, boolean convert) {
        List<Object[]> others = conversion.otherCurrencies(configured);
        if (others.isEmpty()) {
            if (convert) {
                LOG.info("OPRISK_CONVERT_LEDGER_TO_REPORTING_CURRENCY is set but the loss ledger is already in "
                        + configured + ": nothing to convert; remove the setting");
            }
            return 0;
        }
        if (!convert) {
            throw new ConfigurationException(problem(ledger(others), configured).orElseThrow());
        }
        try {
            int lines = conversion.convert(configured);
            LOG.infof("Loss ledger converted from %s to %s: %d line(s); remove "
                    + "OPRISK_CONVERT_LEDGER_TO_REPORTING_CURRENCY for the next starts", ledger(others), configured,
                    lines);
            return lines;
        } catch (LedgerConversion.MissingRatesException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    private static String ledger(List<Object[]> others) {
        return others.stream().map(row -> row[0] + " (" + row[1] + " line(s))").collect(Collectors.joining(", "));
    }

    /** Why a start must be refused: the ledger is in {@code ledger}, the configuration says {@code configured}. */
    static Optional<String> problem(String ledger, String configured) {
        if (ledger == null || ledger.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The loss ledger is in reporting currency " + ledger + " but OPRISK_REPORTING_CURRENCY is "
                + configured + ". One database has one reporting currency. Either start with the ledger's currency"
                + " again, or convert the ledger: 1) start with the ledger's currency and import FX rates with base "
                + "currency " + configured + " on /fx-rates (a rate at or before every line's accounting date); "
                + "2) start once with OPRISK_REPORTING_CURRENCY=" + configured
                + " OPRISK_CONVERT_LEDGER_TO_REPORTING_CURRENCY=true; 3) remove that setting. See README, "
                + "\"Reporting currency and FX rates\".");
    }
}
