package org.opregister.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journeys people take through the register, in a real browser. */
@QuarkusTest
class RegisterJourneyTest extends BrowserTest {

    @Test
    void officerRecordsAnIncidentWithTwoLossLinesFindsItAndExportsIt() throws Exception {
        login("officer");
        screenshot("01-dashboard");

        page.click("text=Incidents");
        page.click("text=Record incident");
        page.fill("#f-title", "Browser journey: card payments rejected");
        page.fill("#f-description", "Card payments were rejected for two hours after a certificate expired.");
        page.selectOption("#f-severity", "HIGH");
        page.selectOption("#f-eventCategory", "BUSINESS_DISRUPTION");
        // Only the Level 2 types of the chosen Level 1 type are offered.
        assertThat(page.locator("#f-eventType optgroup[data-category=INTERNAL_FRAUD]")).isHidden();
        page.selectOption("#f-eventType", "SYSTEMS");
        page.selectOption("#f-businessLine", "PAYMENT_AND_SETTLEMENT");
        page.fill("#f-orgUnit", "Card Processing");
        page.fill("#f-owner", "Head of Cards");
        page.fill("#f-occurrenceDate", "2025-05-06");
        page.fill("#f-discoveryDate", "2025-05-06");
        page.check("#f-cause-SYSTEMS");
        page.fill("#f-thirdParty", "Certificate authority");
        screenshot("02-incident-form");
        page.click("button:has-text('Record incident')");

        assertThat(page.locator(".alert-success")).containsText("recorded as a draft");
        String reference = page.locator(".text-body-secondary.small").first().innerText().trim();
        assertTrue(reference.matches("INC-\\d{4}-\\d{4}"), reference);

        addLoss("DIRECT_CHARGE", "10000", "EUR", "1", "2025-05-31", "Chargebacks");
        addLoss("INSURANCE_RECOVERY", "2500.50", "EUR", "1", "2025-06-30", "Insurance payment");
        assertThat(page.locator("#gross-loss")).hasText("10,000.00 EUR");
        assertThat(page.locator("#net-loss")).hasText("7,499.50 EUR");
        assertEquals(2, page.locator(".loss-table tbody tr").count());
        screenshot("03-incident-with-losses");

        page.navigate(url("/incidents"));
        page.fill("#f-q", "card payments rejected");
        page.selectOption("#f-status", "DRAFT");
        page.selectOption("#f-eventType", "BUSINESS_DISRUPTION");
        page.click("button:has-text('Filter')");
        assertThat(page.locator("#total-count")).hasText("1");
        assertThat(page.locator("#total-net-loss")).hasText("7,499.50 EUR");
        assertThat(page.locator(".register-table tbody tr")).hasCount(1);
        assertTrue(page.url().contains("q=card+payments+rejected"), "filters are kept in the URL: " + page.url());
        screenshot("04-register-filtered");

        Download download = page.waitForDownload(() -> page.click("text=Export register (CSV)"));
        assertTrue(download.suggestedFilename().matches("incident-register-\\d{4}-\\d{2}-\\d{2}\\.csv"));
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFreference,title,status"), csv);
        assertEquals(2, csv.split("\r\n").length, "header and the one filtered incident");
        assertTrue(csv.contains(
                reference + ",Browser journey: card payments rejected,DRAFT,HIGH,BUSINESS_DISRUPTION,SYSTEMS"));
    }

    @Test
    void invalidInputIsShownOnTheFormAndKept() {
        login("officer");
        page.navigate(url("/incidents/new"));
        page.fill("#f-title", "Kept title <b>bold</b>");
        page.fill("#f-occurrenceDate", "2025-05-06");
        page.fill("#f-discoveryDate", "2025-05-01");
        page.click("button:has-text('Record incident')");
        assertThat(page.locator(".alert-danger")).containsText("The form was not saved");
        assertThat(page.locator("#f-title")).hasValue("Kept title <b>bold</b>");
        assertThat(page.locator("#e-discoveryDate")).containsText("Discovery cannot be before occurrence");
        assertThat(page.locator("#e-orgUnit")).containsText("required");
        screenshot("05-form-errors");
    }

    @Test
    void auditorReadsTheExampleCaseButCannotEdit() {
        login("auditor");
        page.navigate(url("/incidents?q=INC-2024-0719-01"));
        page.click("text=INC-2024-0719-01");
        assertThat(page.locator("h1")).containsText("CrowdStrike");
        assertThat(page.locator("#net-loss")).hasText("641,500.00 EUR");
        assertThat(page.locator("text=FICTIONAL EXAMPLE")).isVisible();
        Locator edit = page.locator(".workflow-actions a:has-text('Edit')");
        assertEquals(0, edit.count(), "auditors get no edit button");
        assertEquals(0, page.locator("#add-loss").count(), "auditors get no loss form");
        screenshot("06-auditor-example-case");

        Response forbidden = page.navigate(url("/incidents/new"));
        assertEquals(403, forbidden.status());
        assertThat(page.locator("h1")).hasText("Not allowed");
        screenshot("07-auditor-forbidden");
    }

    @Test
    void registerWorksAtTabletWidth() {
        page.setViewportSize(768, 1024);
        login("manager");
        page.navigate(url("/incidents"));
        // The menu folds into a button that opens it.
        assertThat(page.locator("#main-menu")).isHidden();
        page.click(".navbar-toggler");
        assertThat(page.locator("#main-menu")).isVisible();
        assertThat(page.locator(".register-table")).isVisible();
        int tableWidth = ((Number) page
                .evaluate("document.querySelector('.table-responsive').getBoundingClientRect().width")).intValue();
        assertTrue(tableWidth <= 768, "the table scrolls inside its box instead of widening the page: " + tableWidth);
        screenshot("08-tablet-register");
        page.navigate(url("/incidents/new"));
        screenshot("09-tablet-form");
    }

    @Test
    void aManagerReturnsAnIncidentWithAReasonTheOfficerReadsItAndResubmits() {
        login("officer");
        page.navigate(url("/incidents/new"));
        page.fill("#f-title", "Browser journey: duplicate standing orders");
        page.fill("#f-description", "A batch of standing orders ran twice after a scheduler restart.");
        page.selectOption("#f-severity", "MEDIUM");
        page.selectOption("#f-eventCategory", "EXECUTION_DELIVERY_PROCESS");
        page.selectOption("#f-eventType", "TRANSACTION_CAPTURE_EXECUTION");
        page.selectOption("#f-businessLine", "RETAIL_BANKING");
        page.fill("#f-orgUnit", "Payments Operations");
        page.fill("#f-owner", "Head of Payments");
        page.fill("#f-occurrenceDate", "2025-05-06");
        page.fill("#f-discoveryDate", "2025-05-07");
        page.check("#f-cause-SYSTEMS");
        page.fill("#f-rootCause", "The scheduler replays unfinished jobs on restart.");
        page.click("button:has-text('Record incident')");
        String reference = page.locator(".text-body-secondary.small").first().innerText().trim();
        page.click(".workflow-actions button:has-text('Open')");
        page.click(".workflow-actions button:has-text('Submit for review')");
        assertThat(page.locator("#under-review")).containsText("read-only");
        assertEquals(0, page.locator("#add-loss").count(), "no loss form under review");

        context.clearCookies();
        login("manager");
        page.click("#my-work a[href='/incidents?status=UNDER_REVIEW']");
        page.click("text=" + reference);
        page.click("#review-form button:has-text('Return for rework')");
        assertThat(page.locator("#e-reviewComment")).containsText("required");
        page.fill("#f-reviewComment", "Add the customer refunds as loss lines before review.");
        screenshot("10-incident-review");
        page.click("#review-form button:has-text('Return for rework')");
        assertThat(page.locator(".alert-success")).containsText("returned for rework");

        context.clearCookies();
        login("officer");
        Locator returned = page.locator("#my-work li:has-text('" + reference + "')");
        assertThat(returned).containsText("Add the customer refunds as loss lines before review.");
        screenshot("11-dashboard-returned-incident");
        returned.locator("a").click();
        assertThat(page.locator("#returned")).containsText("Add the customer refunds as loss lines before review.");
        assertThat(page.locator("#discussion")).containsText("Returned for rework");
        screenshot("12-returned-incident");
        addLoss("DIRECT_CHARGE", "1200", "EUR", "1", "2025-05-31", "Customer refunds");
        page.fill("#f-comment", "Refunds added as a loss line.");
        page.click("#comment-form button");
        assertThat(page.locator("#discussion")).containsText("Refunds added as a loss line.");
        page.click(".workflow-actions button:has-text('Submit for review')");
        assertThat(page.locator(".alert-success")).containsText("submitted for review");
        assertEquals(0, page.locator("#returned").count(), "the notice goes once it is resubmitted");
        screenshot("13-incident-resubmitted");
    }

    private void addLoss(String type, String amount, String currency, String fxRate, String date, String description) {
        Locator form = page.locator("form.loss-form");
        form.locator("#f-type").selectOption(type);
        if (type.endsWith("_RECOVERY")) {
            form.locator("#f-recoveryStatus").selectOption("RECEIVED");
        }
        form.locator("#f-amount").fill(amount);
        form.locator("#f-currency").fill(currency);
        form.locator("#f-fxRate").fill(fxRate);
        form.locator("#f-accountingDate").fill(date);
        form.locator("#f-description").fill(description);
        form.locator("button:has-text('Add line')").click();
        assertThat(page.locator(".alert-success")).containsText("Loss line added");
    }
}
