package org.opregister.browser;

import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The worked example under DORA: the outage classified major with the thresholds it meets and its reports, the
 * classification form, and the ICT register with CrowdStrike, its contract and the services that depend on it.
 */
@QuarkusTest
class DoraJourneyTest extends BrowserTest {

    @Test
    void anOfficerReadsTheOutagesClassificationAndItsReports() {
        login("officer");
        page.navigate(url("/dora"));
        assertThat(page.locator("#dora-incidents")).containsText("INC-2024-0719-01");
        screenshot("60-dora-list");

        page.navigate(url("/dora/find?reference=INC-2024-0719-01"));
        assertThat(page).hasURL(Pattern.compile(".*/dora/incidents/\\d+"));
        assertThat(page.locator("#dora-result")).containsText("Major");
        assertThat(page.locator("#dora-thresholds")).containsText("9(4)");
        assertThat(page.locator("#dora-reports")).isVisible();
        screenshot("61-dora-incident");

        page.locator("a[href$='/edit']").first().click();
        assertThat(page.locator("#dora-form")).isVisible();
        screenshot("62-dora-classification-form");
    }

    @Test
    void aManagerFollowsTheProviderToItsContractAndIncidents() {
        login("manager");
        page.navigate(url("/ict-providers"));
        assertThat(page.locator("#ict-providers")).containsText("CrowdStrike");
        screenshot("63-ict-providers");

        page.locator("#ict-providers a:has-text('CrowdStrike')").first().click();
        assertThat(page.locator("#contracts")).containsText("ICT-2022-EDR-01");
        assertThat(page.locator("#incidents")).containsText("INC-2024-0719-01");
        assertThat(page.locator("#dependencies")).containsText("SEPA");
        screenshot("64-ict-provider");

        page.navigate(url("/services"));
        assertThat(page.locator("body")).containsText("SEPA-PAY");
        screenshot("65-services");
    }
}
