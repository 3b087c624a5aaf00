package org.opregister.browser;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A full RCSA campaign: a manager opens it, the assessor answers and submits, another manager approves. */
@QuarkusTest
class AssessmentJourneyTest extends BrowserTest {

    @Test
    void openAssessSubmitApprove() {
        String unit = "Card Operations " + System.nanoTime() % 100000;
        login("officer");
        page.navigate(url("/risks/new"));
        page.fill("#f-title", "Card authorisation outage");
        page.selectOption("#f-eventCategory", "BUSINESS_DISRUPTION");
        page.selectOption("#f-businessLine", "RETAIL_BANKING");
        page.fill("#f-orgUnit", unit);
        page.fill("#f-owner", "Head of Card Operations");
        page.selectOption("#f-assessor", "officer");
        page.selectOption("#f-inherentLikelihood", "3");
        page.selectOption("#f-inherentImpact", "4");
        page.selectOption("#f-residualLikelihood", "2");
        page.selectOption("#f-residualImpact", "4");
        page.click("button:has-text('Record risk')");
        assertThat(page.locator(".alert-success")).containsText("recorded");
        page.selectOption("#f-control",
                page.locator("#f-control option:has-text('Mass-recovery runbook')").getAttribute("value"));
        page.click("button:has-text('Link')");

        switchTo("manager");
        page.click("nav >> text=RCSA");
        assertThat(page.locator("body")).containsText("Reassessment after the 19 July 2024 outage");
        screenshot("18-assessments");
        page.click("text=Open a campaign");
        page.fill("#f-title", "Card operations RCSA");
        page.click("button:has-text('Open campaign')");
        assertThat(page.locator("#e-units")).containsText("Choose at least one");
        assertThat(page.locator("#f-title")).hasValue("Card operations RCSA");
        page.selectOption("#f-units", unit);
        screenshot("19-campaign-form");
        page.click("button:has-text('Open campaign')");
        assertThat(page.locator(".alert-success")).containsText("opened");
        assertThat(page.locator("#progress")).containsText("0 of 1 approved");
        assertThat(page.locator("#tasks")).containsText("Card authorisation outage");
        String campaignUrl = page.url();

        switchTo("officer");
        page.click("nav >> text=RCSA");
        page.click("#my-tasks tr:has-text('Card authorisation outage') a");
        page.selectOption("#f-residualLikelihood", "3");
        page.selectOption("#f-residualImpact", "5");
        page.click("button:has-text('Submit for review')");
        assertThat(page.locator("#e-residualComment")).containsText("explain why");
        page.fill("#f-residualComment", "Second data centre not yet live.");
        page.locator("select[id^='f-operating-']").selectOption("INEFFECTIVE");
        page.fill("#f-assessorComment", "Two card outages this quarter.");
        screenshot("20-assessment-task");
        page.click("button:has-text('Submit for review')");
        assertThat(page.locator(".alert-success")).containsText("submitted for review");
        assertThat(page.locator("#progress [data-status=SUBMITTED]")).hasText("1");

        switchTo("manager2");
        page.click("nav >> text=RCSA");
        page.click("#to-review tr:has-text('Card authorisation outage') a");
        assertThat(page.locator("#ratings")).containsText("Second data centre not yet live.");
        screenshot("21-assessment-review");
        page.fill("#f-reviewComment", "Agreed, pending the second data centre.");
        page.click("button:has-text('Approve')");
        assertThat(page.locator(".alert-success")).containsText("approved");
        assertThat(page.locator("#progress")).containsText("1 of 1 approved");
        assertThat(page.locator("h1 + div .status-badge")).hasText("Completed");
        screenshot("22-campaign-completed");
        page.click("#tasks tr:has-text('Card authorisation outage') a");
        page.click("h1 a");
        assertThat(page.locator("#assessments")).containsText("Card operations RCSA");
        assertThat(page.locator("h1 + div")).containsText("15 · Critical");
        page.navigate(campaignUrl);
        assertThat(page.locator("#tasks")).containsText("Olivia Officer (demo)");

        page.click("nav >> text=RCSA");
        page.click("text=RCSA-2024-0002");
        assertThat(page.locator("#progress")).containsText("5 of 5 approved");
        assertThat(page.locator("#tasks")).containsText("Vendor update causes mass outage");
        screenshot("23-example-campaign");
        page.click("#tasks tr:has-text('Vendor update causes mass outage') a");
        assertThat(page.locator("#ratings")).containsText("Assessed");
        screenshot("24-example-assessment");
    }

    @Test
    void aManagerWhoDraftedTheAnswersCannotApproveThem() {
        String unit = "Trade Finance " + System.nanoTime() % 100000;
        login("manager");
        page.navigate(url("/risks/new"));
        page.fill("#f-title", "Letter of credit fraud");
        page.selectOption("#f-eventCategory", "EXTERNAL_FRAUD");
        page.selectOption("#f-businessLine", "COMMERCIAL_BANKING");
        page.fill("#f-orgUnit", unit);
        page.fill("#f-owner", "Head of Trade Finance");
        page.selectOption("#f-assessor", "manager");
        page.selectOption("#f-inherentLikelihood", "3");
        page.selectOption("#f-inherentImpact", "4");
        page.selectOption("#f-residualLikelihood", "2");
        page.selectOption("#f-residualImpact", "4");
        page.click("button:has-text('Record risk')");
        assertThat(page.locator(".alert-success")).containsText("recorded");
        page.navigate(url("/assessments/new"));
        page.fill("#f-title", "Trade finance RCSA");
        page.selectOption("#f-units", unit);
        page.click("button:has-text('Open campaign')");
        assertThat(page.locator(".alert-success")).containsText("opened");
        page.click("#tasks tr:has-text('Letter of credit fraud') a");
        String taskUrl = page.url();
        page.selectOption("#f-residualLikelihood", "1");
        page.fill("#f-assessorComment", "Drafted by Martin before handing over.");
        page.click("button:has-text('Save draft')");
        assertThat(page.locator(".alert-success")).isVisible();
        page.selectOption("#f-assignee", "officer");
        page.click("button:has-text('Assign')");
        assertThat(page.locator(".alert-success")).isVisible();

        switchTo("officer");
        page.navigate(taskUrl);
        page.click("button:has-text('Submit for review')");
        assertThat(page.locator(".alert-success")).containsText("submitted for review");

        switchTo("manager");
        page.navigate(taskUrl);
        assertThat(page.locator("#editors")).containsText("Martin Manager (demo), Olivia Officer (demo)");
        assertThat(page.locator("#cannot-approve")).containsText("another manager must approve it");
        assertThat(page.locator("#review button:has-text('Approve')")).hasCount(0);
        screenshot("21b-assessment-editor-cannot-approve");

        switchTo("manager2");
        page.navigate(taskUrl);
        page.click("#review button:has-text('Approve')");
        assertThat(page.locator(".alert-success")).containsText("approved");
    }

    private void switchTo(String username) {
        context.clearCookies();
        login(username);
    }
}
