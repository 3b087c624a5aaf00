package org.opregister.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A risk officer records a risk with its ratings and links a control to it. */
@QuarkusTest
class RiskJourneyTest extends BrowserTest {

    @Test
    void officerRecordsARiskAndLinksAControl() {
        login("officer");
        page.click("nav >> text=Risks");
        assertThat(page.locator(".register-table")).containsText("Vendor update causes mass outage");
        screenshot("13-risk-register");
        page.click("text=New risk");
        page.fill("#f-title", "Cloud region failure");
        page.selectOption("#f-eventCategory", "BUSINESS_DISRUPTION");
        page.selectOption("#f-businessLine", "PAYMENT_AND_SETTLEMENT");
        page.fill("#f-orgUnit", "Payments IT");
        page.fill("#f-owner", "Head of Payments IT");
        page.selectOption("#f-inherentLikelihood", "2");
        page.selectOption("#f-inherentImpact", "5");
        page.selectOption("#f-residualLikelihood", "3");
        page.selectOption("#f-residualImpact", "5");
        page.click("button:has-text('Record risk')");
        assertThat(page.locator("#e-residualComment")).containsText("explain why");
        page.fill("#f-residualComment", "The failover site is not built yet.");
        screenshot("14-risk-form");
        page.click("button:has-text('Record risk')");
        assertThat(page.locator(".alert-success")).containsText("recorded");
        assertThat(page.locator("h1")).hasText("Cloud region failure");
        page.selectOption("#f-control", page.locator("#f-control option:has-text('Mass-recovery runbook')").getAttribute("value"));
        page.click("button:has-text('Link')");
        assertThat(page.locator("#controls")).containsText("Mass-recovery runbook and boot media");
        screenshot("15-risk-page");
        page.click("#controls >> text=Mass-recovery runbook and boot media >> xpath=../td[1]/a");
        assertThat(page.locator("#risks")).containsText("Cloud region failure");
        screenshot("16-control-page");
    }

    @Test
    void managerReadsTheHeatMapAndOpensACell() {
        login("manager");
        page.navigate(url("/risks/heatmap"));
        // R2 and R3 of the example case are both inherently likely (4) with major impact (4).
        assertThat(page.locator(".heatmap").first().locator("a[href*='inherent=4x4']")).not().hasCount(0);
        screenshot("17-heat-map");
        page.locator(".heatmap").first().locator("a[href*='inherent=4x4']").click();
        assertThat(page.locator("#cell-filter")).containsText("Inherent cell 4x4");
        assertThat(page.locator(".register-table")).containsText("EDR/OS vendor concentration");
    }
}
