package org.opregister.browser;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.options.FilePayload;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.controltest.ControlTest;
import org.opregister.controltest.TestStatus;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An officer plans and executes a control test with evidence; another manager signs it off. A test without
 * evidence is neither submitted nor signed off.
 */
@QuarkusTest
class ControlTestJourneyTest extends BrowserTest {

    @Test
    void uploadEvidenceAndSignOff() {
        login("officer");
        page.click("nav >> text=Testing");
        assertThat(page.locator(".register-table")).containsText("Four-eyes and duplicate check on manual payments");
        screenshot("32-control-tests");
        page.click("text=Plan a test");
        page.selectOption("#f-control", page.locator("#f-control option:has-text('Major-incident classification')")
                .getAttribute("value"));
        page.fill("#f-procedure",
                "Re-perform classification of the three incidents of the quarter against DORA criteria.");
        page.fill("#f-sampleSize", "3");
        page.click("button:has-text('Plan test')");
        assertThat(page.locator(".alert-success")).containsText("planned");

        page.setInputFiles("#f-file", new FilePayload("script.txt", "text/plain",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)));
        page.click("#evidence-form button");
        assertThat(page.locator("#e-file")).containsText("not accepted");
        page.setInputFiles("#f-file", new FilePayload("classification-check.csv", "text/csv",
                "incident,classified_major,reported_in_time\nINC-1,yes,yes\n".getBytes(StandardCharsets.UTF_8)));
        page.click("#evidence-form button");
        assertThat(page.locator("#evidence")).containsText("classification-check.csv");

        page.selectOption("#f-result", "EFFECTIVE");
        page.fill("#f-executedOn", java.time.LocalDate.now().toString());
        page.click("button:has-text('Submit for sign-off')");
        assertThat(page.locator("#summary")).containsText("Awaiting sign-off");
        screenshot("33-control-test-submitted");
        String testUrl = page.url();

        context.clearCookies();
        login("manager");
        page.navigate(testUrl);
        page.fill("#f-reviewComment", "Evidence matches the incident log.");
        screenshot("34-control-test-review");
        page.click("button:has-text('Sign off')");
        assertThat(page.locator(".alert-success")).containsText("signed off");
        assertThat(page.locator("#summary")).containsText("Signed off");
        page.click("h1 a");
        assertThat(page.locator("#tests")).containsText("Signed off");

        page.click("nav >> text=Certification");
        page.click("text=Key controls certification, second half of 2024");
        assertThat(page.locator("#summary")).containsText("5 of 5 answered");
        assertThat(page.locator("#items")).containsText("Pilot ring live for critical servers only from November 2024");
        screenshot("35-certification-round");
    }

    @Test
    void aTestWithoutEvidenceIsNotSignedOff() {
        login("officer");
        page.navigate(url("/control-tests/new"));
        page.selectOption("#f-control", page.locator("#f-control option:has-text('Major-incident classification')")
                .getAttribute("value"));
        page.fill("#f-procedure", "Walk through the classification of the incidents of the quarter.");
        page.fill("#f-sampleSize", "3");
        page.click("button:has-text('Plan test')");
        assertThat(page.locator("#execution")).containsText("Attach at least one evidence file before submitting");
        String testUrl = page.url().replaceAll("[#?].*$", "");
        long id = Long.parseLong(testUrl.substring(testUrl.lastIndexOf('/') + 1));
        page.selectOption("#f-result", "EFFECTIVE");
        page.fill("#f-executedOn", java.time.LocalDate.now().toString());
        page.click("button:has-text('Submit for sign-off')");
        assertThat(page.locator(".alert-danger")).containsText("Attach at least one evidence file before submitting");
        assertThat(page.locator("#summary")).not().containsText("Awaiting sign-off");

        // A test submitted before evidence was required: the manager cannot sign it off as it stands.
        QuarkusTransaction.requiringNew().run(() -> {
            ControlTest test = ControlTest.findById(id);
            test.status = TestStatus.SUBMITTED;
            test.result = org.opregister.controltest.TestResult.EFFECTIVE;
            test.executedOn = java.time.LocalDate.now();
            test.review.submittedBy = "officer";
            test.review.submittedAt = java.time.Instant.now();
        });
        context.clearCookies();
        login("manager");
        page.navigate(testUrl);
        assertThat(page.locator("#no-evidence")).containsText("cannot be signed off");
        assertThat(page.locator("#evidence-form")).hasCount(0);
        page.click("button:has-text('Sign off')");
        assertThat(page.locator(".alert-danger"))
                .containsText("This test has no evidence file, so it cannot be signed off");
        screenshot("36-control-test-no-evidence");
        page.fill("#f-reviewComment", "Attach the classification worksheet.");
        page.click("button:has-text('Return')");
        assertThat(page.locator("#returned")).containsText("Attach the classification worksheet.");

        context.clearCookies();
        login("officer");
        page.navigate(testUrl);
        page.setInputFiles("#f-file", new FilePayload("classification-worksheet.csv", "text/csv",
                "incident,classified_major\nINC-1,yes\n".getBytes(StandardCharsets.UTF_8)));
        page.click("#evidence-form button");
        assertThat(page.locator("#evidence")).containsText("classification-worksheet.csv");
        page.click("button:has-text('Submit for sign-off')");
        assertThat(page.locator("#summary")).containsText("Awaiting sign-off");
        assertThat(page.locator("#evidence-form")).hasCount(0);
        assertThat(page.locator("#evidence-frozen")).isVisible();

        context.clearCookies();
        login("manager");
        page.navigate(testUrl);
        assertThat(page.locator("#no-evidence")).hasCount(0);
        page.click("button:has-text('Sign off')");
        assertThat(page.locator(".alert-success")).containsText("signed off");
        assertThat(page.locator("#summary")).containsText("Signed off");
    }
}
