package org.opregister.browser;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An officer starts a plan from a risk, edits it (not its owner), discusses it, works it and asks for closure;
 * another officer only reads it; a manager approves it and the approval comment joins the discussion.
 */
@QuarkusTest
class ActionJourneyTest extends BrowserTest {

    @Test
    void requestClosureAndApprove() {
        login("officer");
        page.click("nav >> text=Actions");
        assertThat(page.locator(".register-table")).containsText("Renegotiate EDR contract");
        screenshot("29-actions");
        page.navigate(url("/risks"));
        page.click(".register-table tr:has-text('Vendor update causes mass outage') a");
        page.click("#actions >> text=Start an action plan");
        assertThat(page.locator("main form")).containsText("Vendor update causes mass outage");
        page.fill("#f-title", "Pilot ring for all critical servers");
        page.fill("#f-description", "Move the last critical servers behind the pilot ring.");
        page.click("button:has-text('Start action plan')");
        assertThat(page.locator(".alert-success")).containsText("started");
        String planUrl = page.url();
        page.click("a:has-text('Edit')");
        assertThat(page.locator("#f-owner")).isDisabled();
        screenshot("29b-action-edit-by-owner");
        page.navigate(planUrl);
        page.fill("#f-comment", "Starting with the payment servers.");
        page.click("#comment-form button");
        assertThat(page.locator("#discussion")).containsText("Starting with the payment servers.");

        page.fill("#f-progress", "50");
        page.fill("#f-note", "Half of the servers moved.");
        page.click("button:has-text('Post update')");
        assertThat(page.locator("#updates")).containsText("Half of the servers moved.");
        page.fill("#f-closureNote", "Change CHG-2041: all critical servers on the pilot ring.");
        page.click("button:has-text('Request closure')");
        assertThat(page.locator("#summary")).containsText("Pending review");
        screenshot("30-action-pending");

        context.clearCookies();
        login("officer2");
        page.navigate(planUrl);
        assertThat(page.locator("a:has-text('Edit')")).hasCount(0);
        screenshot("30b-action-other-officer");

        context.clearCookies();
        login("manager");
        page.click("nav >> text=Actions");
        page.click("text=Review queue");
        page.click("#closures tr:has-text('Pilot ring for all critical servers') a");
        assertThat(page.locator("#closure")).containsText("CHG-2041");
        page.fill("#f-reviewComment", "Evidence checked.");
        screenshot("31-action-review");
        page.click("button:has-text('Approve closure')");
        assertThat(page.locator(".alert-success")).containsText("is done");
        assertThat(page.locator("#summary")).containsText("Done");
        page.navigate(planUrl);
        assertThat(page.locator("#closure")).containsText("Approved by Martin Manager (demo)");
        assertThat(page.locator("#discussion")).containsText("Closure approved");
        assertThat(page.locator("#discussion")).containsText("Evidence checked.");
        screenshot("32-action-done-discussion");
    }
}
