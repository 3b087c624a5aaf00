package org.opregister.browser;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An administrator sets up an account; an auditor follows the trail and verifies it. */
@QuarkusTest
class AuditAndAdminJourneyTest extends BrowserTest {

    @Test
    void adminCreatesAUserWhoSignsInAndChangesTheirPassword() {
        login("admin");
        page.click("nav >> text=Users");
        page.click("text=New user");
        page.fill("#f-username", "browser.user");
        page.fill("#f-displayName", "Bea Browser");
        page.check("#f-role-officer");
        page.fill("#f-password", "short");
        page.click("button:has-text('Create user')");
        assertThat(page.locator("#e-password")).containsText("At least 12 characters");
        assertThat(page.locator("#f-displayName")).hasValue("Bea Browser");
        page.fill("#f-password", "a proper long secret");
        page.click("button:has-text('Create user')");
        assertThat(page.locator(".alert-success")).containsText("User browser.user created");
        screenshot("10-admin-user");
        page.click("button:has-text('Sign out')");

        page.fill("#j_username", "browser.user");
        page.fill("#j_password", "a proper long secret");
        page.click("button[type=submit]");
        page.click("text=Bea Browser");
        page.fill("#f-current", "a proper long secret");
        page.fill("#f-password", "an even longer secret");
        page.fill("#f-confirmation", "an even longer secret");
        page.click("button:has-text('Change my password')");
        assertThat(page.locator(".alert-success")).containsText("Your password has been changed");
    }

    @Test
    void auditorFollowsTheTrailAndVerifiesIt() {
        login("officer");
        page.navigate(url("/incidents/new"));
        page.fill("#f-title", "Trail journey");
        page.selectOption("#f-eventCategory", "EXTERNAL_FRAUD");
        page.selectOption("#f-eventType", "SYSTEMS_SECURITY");
        page.selectOption("#f-businessLine", "RETAIL_BANKING");
        page.fill("#f-orgUnit", "Fraud Office");
        page.fill("#f-owner", "Head of Fraud");
        page.click("button:has-text('Record incident')");
        page.click("button:has-text('Open')");
        page.click("text=History");
        assertThat(page.locator(".audit-list")).containsText("Status: Draft → Open");
        screenshot("11-incident-history");
        page.click("button:has-text('Sign out')");

        login("auditor");
        page.click("nav >> text=Audit trail");
        page.fill("#f-user", "officer");
        page.selectOption("#f-action", "UPDATE");
        page.click("button:has-text('Filter')");
        assertThat(page.locator(".audit-item").first()).containsText("Incident INC-");
        assertThat(page.locator(".audit-item").first()).containsText("by officer");
        page.click("text=Verify the chain");
        assertThat(page.locator("#verify-result")).containsText("Intact");
        screenshot("12-audit-trail");
    }

    @Test
    void auditorReadsTheExampleCaseStoryAndFollowsItsLinks() {
        login("auditor");
        page.navigate(url("/incidents?q=INC-2024-0719-01"));
        page.click("text=INC-2024-0719-01");
        page.click(".record-tabs >> text=History");
        assertThat(page.locator(".audit-list")).containsText("Status: Under review → Closed");
        assertThat(page.locator(".audit-list")).containsText("by manager2");
        assertThat(page.locator(".audit-list")).containsText("Returned for rework");
        assertThat(page.locator(".audit-seeded").first()).isVisible();
        assertThat(page.locator(".audit-item").last()).containsText("2024-07-19 04:48:00 UTC");
        screenshot("13-example-case-history");
        page.locator(".audit-link a[href^='/controls/']").first().click();
        assertThat(page.locator("h1")).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/controls/\\d+$"));

        page.navigate(url("/audit"));
        page.selectOption("#f-type", new com.microsoft.playwright.options.SelectOption().setLabel("Loss line"));
        page.click("button:has-text('Filter')");
        assertThat(page.locator(".audit-item").first()).containsText("Loss line INC-");
        screenshot("14-audit-trail-loss-lines");
        page.locator(".audit-record a").first().click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/incidents/\\d+$"));
    }
}
