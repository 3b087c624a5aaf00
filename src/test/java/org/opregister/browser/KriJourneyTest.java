package org.opregister.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A risk officer defines a KRI, enters a red value and finds the breach. */
@QuarkusTest
class KriJourneyTest extends BrowserTest {

    @Test
    void aRedValueOpensABreach() {
        login("officer");
        page.click("nav >> text=KRIs");
        assertThat(page.locator(".register-table")).containsText("Critical servers on a staged content ring");
        screenshot("25-kri-list");
        page.click("text=Critical servers on a staged content ring");
        assertThat(page.locator("#kri-chart")).isVisible();
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('kri-chart'))");
        screenshot("26-kri-page");

        page.click("nav >> text=KRIs");
        page.click("text=New KRI");
        page.fill("#f-name", "Failed overnight batch jobs");
        page.fill("#f-unit", "jobs");
        page.fill("#f-owner", "Head of IT Operations");
        page.selectOption("#f-direction", "HIGHER_IS_WORSE");
        page.fill("#f-greenLimit", "10");
        page.fill("#f-redLimit", "5");
        page.click("button:has-text('Define KRI')");
        assertThat(page.locator("#e-redLimit")).containsText("must be above the green limit");
        page.fill("#f-redLimit", "25");
        page.click("button:has-text('Define KRI')");
        assertThat(page.locator(".alert-success")).containsText("defined");

        page.fill("#f-period", "2024-05");
        page.fill("#f-value", "8");
        page.click("button:has-text('Record value')");
        assertThat(page.locator(".alert-success")).containsText("recorded");
        page.fill("#f-period", "2024-06");
        page.fill("#f-value", "31");
        page.click("button:has-text('Record value')");
        assertThat(page.locator(".alert-success")).containsText("it is red, a breach");
        assertThat(page.locator("#latest")).containsText("Red");
        assertThat(page.locator("#breaches")).containsText("Open");
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('kri-chart'))");
        screenshot("27-kri-red-value");

        page.click("nav >> text=KRIs");
        page.click("text=Breaches");
        assertThat(page.locator("#open-breaches")).containsText("Failed overnight batch jobs");
        assertThat(page.locator("#open-breaches tr:has-text('Failed overnight batch jobs') a:has-text('Start an action plan')"))
                .isVisible();
        screenshot("28-kri-breaches");
    }
}
