package org.opregister.browser;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A risk officer defines a KRI, enters a red value and finds the breach; a KRI whose value is past due shows
 * "value missing" instead of its last colour.
 */
@QuarkusTest
class KriJourneyTest extends BrowserTest {

    @Test
    void aRedValueOpensABreach() {
        login("officer");
        page.click("nav >> text=KRIs");
        assertThat(page.locator(".register-table")).containsText("Critical servers on a staged content ring");
        // The example values end in December 2024: later months are past due.
        assertThat(page.locator(".register-table tr:has-text('Critical servers on a staged content ring')"))
                .containsText("Value missing from 2025-01");
        screenshot("25-kri-list");
        page.click("text=Critical servers on a staged content ring");
        assertThat(page.locator("#value-missing")).containsText("The value for 2025-01 was due on");
        assertThat(page.locator("#f-period")).hasValue("2025-01");
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

        java.time.LocalDate lastMonth = java.time.LocalDate.now().withDayOfMonth(1).minusMonths(1);
        page.fill("#f-period", lastMonth.minusMonths(1).toString().substring(0, 7));
        page.fill("#f-value", "8");
        page.click("button:has-text('Record value')");
        assertThat(page.locator(".alert-success")).containsText("recorded");
        page.fill("#f-period", lastMonth.toString().substring(0, 7));
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
        assertThat(page.locator(
                "#open-breaches tr:has-text('Failed overnight batch jobs') a:has-text('Start an action plan')"))
                .isVisible();
        screenshot("28-kri-breaches");

        page.click("nav >> text=Dashboard");
        assertThat(page.locator("#my-work")).containsText("missing a value past");
        screenshot("28b-dashboard-kri-value-missing");
        page.click("#my-work a:has-text('missing a value past')");
        assertThat(page.locator(".register-table")).containsText("Value missing");
    }
}
