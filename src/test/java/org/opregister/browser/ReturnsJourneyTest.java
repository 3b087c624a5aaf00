package org.opregister.browser;

import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * What the risk team and the supervisor read from the ledger: the losses page and its drill-down to the register,
 * the COREP C 17.01 and C 17.02 returns for the example case with a figure's events, and the SMA calculator.
 */
@QuarkusTest
class ReturnsJourneyTest extends BrowserTest {

    @Test
    void anOfficerReadsTheLossesPageAndFollowsAFigureToTheRegister() {
        login("officer");
        page.navigate(url("/"));
        assertThat(page.locator("body")).containsText("Business disruption");
        screenshot("50-dashboard-loss-panel");

        page.navigate(url("/losses"));
        assertThat(page.locator("#loss-matrix")).containsText("Business disruption");
        assertThat(page.locator("#loss-top")).containsText("INC-2024-0719-01");
        assertThat(page.locator("#trend-table")).isVisible();
        screenshot("51-losses-page");

        page.locator("#loss-top a:has-text('INC-2024-0719-01')").first().click();
        assertThat(page).hasURL(Pattern.compile(".*/incidents/\\d+"));
    }

    @Test
    void aManagerReadsTheCorepReturnsAndTheEventsBehindAFigure() {
        login("manager");
        page.navigate(url("/reports"));
        assertThat(page.locator("#returns")).isVisible();
        screenshot("52-reports-index");

        page.navigate(url("/reports/c17-01?referenceDate=2024-12-31"));
        assertThat(page.locator("#row-0920")).containsText("2,001,500");
        assertThat(page.locator("#provisional-legend")).isVisible();
        screenshot("53-c17-01-2024");

        page.locator("#row-0920 a").first().click();
        assertThat(page.locator("#cell-events")).containsText("INC-2024-0719-01");
        screenshot("54-c17-01-figure-drill-down");

        page.navigate(url("/reports/c17-02?referenceDate=2024-12-31"));
        assertThat(page.locator("#c17-02")).containsText("INC-2024-0719-01");
        screenshot("55-c17-02-2024");
    }

    @Test
    void aManagerReadsTheSmaCalculationAndItsInputs() {
        login("manager");
        page.navigate(url("/reports/sma"));
        assertThat(page.locator("#sma-results")).isVisible();
        assertThat(page.locator("#sma-bic-value")).not().isEmpty();
        assertThat(page.locator("#sma-losses")).containsText("2024");
        screenshot("56-sma");

        page.navigate(url("/reports/sma/inputs/2024"));
        assertThat(page.locator("#sma-inputs-form")).isVisible();
        screenshot("57-sma-inputs");
    }
}
