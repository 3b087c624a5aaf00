package org.opregister.browser;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
        page.selectOption("#f-control",
                page.locator("#f-control option:has-text('Mass-recovery runbook')").getAttribute("value"));
        page.click("button:has-text('Link')");
        assertThat(page.locator("#controls")).containsText("Mass-recovery runbook and boot media");
        screenshot("15-risk-page");
        page.click("#controls >> text=Mass-recovery runbook and boot media >> xpath=../td[1]/a");
        assertThat(page.locator("#risks")).containsText("Cloud region failure");
        screenshot("16-control-page");
    }

    @Test
    void ratingsAreReadOnlyOnEditAndAManagerOverridesThemWithAReason() {
        login("officer");
        page.navigate(url("/risks/new"));
        page.fill("#f-title", "Branch cash-in-transit loss");
        page.selectOption("#f-eventCategory", "EXTERNAL_FRAUD");
        page.selectOption("#f-businessLine", "RETAIL_BANKING");
        page.fill("#f-orgUnit", "Branch network");
        page.fill("#f-owner", "Head of Branches");
        page.selectOption("#f-inherentLikelihood", "3");
        page.selectOption("#f-inherentImpact", "3");
        page.selectOption("#f-residualLikelihood", "2");
        page.selectOption("#f-residualImpact", "3");
        page.click("button:has-text('Record risk')");
        assertThat(page.locator(".alert-success")).containsText("recorded");
        String riskUrl = page.url();
        page.click("a[href$='/edit']");
        assertThat(page.locator("#ratings")).containsText("Current ratings");
        assertThat(page.locator("#ratings")).containsText("9 · Medium");
        assertThat(page.locator("#f-inherentLikelihood")).hasCount(0);
        assertThat(page.locator("text=Override ratings")).hasCount(0);
        screenshot("14b-risk-edit-ratings-read-only");
        page.fill("#f-owner", "Head of Branch Network");
        page.click("button:has-text('Save')");
        assertThat(page.locator(".alert-success")).containsText("saved");

        switchTo("manager");
        page.navigate(riskUrl);
        page.click("a:has-text('Override ratings')");
        page.selectOption("#f-residualLikelihood", "3");
        page.click("button:has-text('Override ratings')");
        assertThat(page.locator("#e-reason")).containsText("required");
        page.fill("#f-reason", "Two cash-in-transit robberies in November; controls under review.");
        screenshot("14c-risk-override-form");
        page.click("button:has-text('Override ratings')");
        assertThat(page.locator(".alert-success")).containsText("overridden");
        assertThat(page.locator("#ratings-override")).containsText("Ratings overridden by Martin Manager (demo) on");
        assertThat(page.locator("#ratings-override")).containsText("Two cash-in-transit robberies in November");
        assertThat(page.locator("h1 + div")).containsText("9 · Medium");
        screenshot("14d-risk-overridden");

        page.navigate(url("/controls/new"));
        page.fill("#f-title", "Dual custody of branch cash");
        page.selectOption("#f-type", "PREVENTIVE");
        page.selectOption("#f-nature", "MANUAL");
        page.selectOption("#f-frequency", "DAILY");
        page.fill("#f-owner", "Head of Branches");
        page.click("button:has-text('Record control')");
        assertThat(page.locator(".alert-success")).containsText("recorded");
        page.click("a[href$='/edit']");
        assertThat(page.locator("#effectiveness")).containsText("Current effectiveness");
        assertThat(page.locator("#f-designEffectiveness")).hasCount(0);
        screenshot("16b-control-edit-effectiveness-read-only");
        page.click("#effectiveness >> text=Override effectiveness");
        page.selectOption("#f-operatingEffectiveness", "INEFFECTIVE");
        page.fill("#f-reason", "Bypassed in both November robberies.");
        page.click("button:has-text('Override effectiveness')");
        assertThat(page.locator("#effectiveness-override")).containsText("Bypassed in both November robberies.");
        screenshot("16c-control-overridden");
    }

    private void switchTo(String username) {
        context.clearCookies();
        login(username);
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
