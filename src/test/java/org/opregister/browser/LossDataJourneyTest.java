package org.opregister.browser;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The loss data a supervisor reads: the example case by accounting year and in the regulatory data set, a
 * foreign-currency line that needs a rate, the FX rate table and the period lock.
 */
@QuarkusTest
class LossDataJourneyTest extends BrowserTest {

    @Test
    void anOfficerReadsTheExampleByYearAndBooksADollarLineWithATypedRate() {
        login("officer");
        page.navigate(url("/incidents?q=crowdstrike"));
        page.click("text=INC-2024-0719-01");
        assertThat(page.locator("#year-2024")).containsText("803,500.00 EUR");
        assertThat(page.locator("#year-2025")).containsText("-162,000.00 EUR");
        assertThat(page.locator("#data-set-status")).hasText("In the data set");
        screenshot("40-example-by-accounting-year");

        page.navigate(url("/incidents/new"));
        page.fill("#f-title", "Dollar settlement fee charged twice");
        page.fill("#f-description", "A US correspondent charged the settlement fee twice.");
        page.selectOption("#f-eventCategory", "EXECUTION_DELIVERY_PROCESS");
        page.selectOption("#f-eventType", "TRANSACTION_CAPTURE_EXECUTION");
        page.selectOption("#f-businessLine", "PAYMENT_AND_SETTLEMENT");
        page.fill("#f-orgUnit", "Payments Operations");
        page.fill("#f-owner", "Head of Payments");
        page.fill("#f-occurrenceDate", "2025-03-03");
        page.fill("#f-discoveryDate", "2025-03-04");
        page.click("button:has-text('Record incident')");
        assertThat(page.locator(".alert-success")).isVisible();

        page.selectOption("#f-type", "DIRECT_CHARGE");
        page.fill("#f-amount", "30000");
        page.fill("#f-currency", "CAD");
        page.fill("#f-accountingDate", "2025-03-05");
        page.fill("#f-description", "Fee charged twice by the correspondent");
        page.click("button:has-text('Add line')");
        assertThat(page.locator("#e-fxRate")).containsText("There is no FX rate from CAD into EUR");
        screenshot("41-loss-line-needs-a-rate");
        page.fill("#f-fxRate", "0.64");
        page.fill("#f-fxReason", "Rate on the correspondent's statement");
        page.click("button:has-text('Add line')");
        assertThat(page.locator("#gross-loss")).containsText("19,200.00 EUR");
        assertThat(page.locator(".loss-table")).containsText("typed rate");
        assertThat(page.locator("#data-set-status")).hasText("Not in the data set");
        assertThat(page.locator("#loss-data-set")).containsText("Below the collection threshold");
        screenshot("42-typed-rate-below-threshold");
    }

    @Test
    void aManagerReadsTheRateTableAndThePeriodLock() {
        login("manager");
        page.navigate(url("/fx-rates"));
        assertThat(page.locator("h1")).isVisible();
        screenshot("43-fx-rates");
        page.navigate(url("/losses/lock"));
        assertThat(page.locator("#lock-state")).isVisible();
        assertThat(page.locator("#f-closedThrough")).isVisible();
        screenshot("44-period-lock");
        page.navigate(url("/legal-entities"));
        assertThat(page.locator("h1")).isVisible();
        screenshot("45-legal-entities");
    }
}
