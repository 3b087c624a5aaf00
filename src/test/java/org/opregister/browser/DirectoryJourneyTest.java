package org.opregister.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Response;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.security.SlapdServer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Signing in with the bank's directory, in the browser, against a real OpenLDAP server: an officer and a manager
 * get the roles of their groups and sign out; someone in no mapped group and, once local sign-in is kept for
 * administrators, a local officer are each told why they cannot sign in; the administrator's sign-in methods page,
 * in English and in French.
 */
@QuarkusTest
@WithTestResource(SlapdServer.class)
class DirectoryJourneyTest extends BrowserTest {

    @Test
    void anOfficerAndAManagerSignInWithTheDirectoryWithTheRolesOfTheirGroups() {
        signIn("camille.martin", "Camille-directory-1");
        page.waitForURL(url("/"));
        assertThat(page.locator(".app-account")).containsText("Camille Martin");
        assertThat(page.locator(".app-account .badge")).hasText("Risk officer");
        Response refused = page.navigate(url("/admin/users"));
        assertEquals(403, refused.status());
        page.navigate(url("/account/password"));
        assertThat(page.locator("#password-in-directory")).isVisible();
        screenshot("directory-01-officer-password");
        page.click("button:has-text('Sign out')");
        page.waitForURL(url("/login"));

        signIn("lucas.bernard", "Lucas-directory-1");
        page.waitForURL(url("/"));
        assertThat(page.locator(".app-account .badge")).hasText("Manager");
        page.click("button:has-text('Sign out')");
        page.waitForURL(url("/login"));
        page.navigate(url("/incidents"));
        page.waitForURL(url("/login"));

        signIn("admin", "demo");
        page.waitForURL(url("/incidents"));
        page.navigate(url("/admin/users"));
        assertThat(page.locator("tr:has-text('camille.martin')")).containsText("Directory (LDAP)");
        assertThat(page.locator("tr:has-text('lucas.bernard')")).containsText("Manager");
        page.click("a:has-text('lucas.bernard')");
        assertThat(page.locator("#directory-account")).isVisible();
        screenshot("directory-02-directory-account");
    }

    @Test
    void whoCannotSignInIsToldWhy() {
        page.navigate(url("/login"));
        assertThat(page.locator("#login-directory")).isVisible();
        signIn("ines.petit", "Ines-directory-1");
        assertThat(page.locator("#login-no-role")).containsText("no group that gives access");
        screenshot("directory-03-no-role");

        login("admin");
        page.navigate(url("/admin/sign-in"));
        assertThat(page.locator("#ldap-settings")).containsText(SlapdServer.url());
        page.check("#f-local-administrators");
        page.click("#local-sign-in button[type=submit]");
        assertThat(page.locator(".alert-success")).containsText("administrators only");
        screenshot("directory-04-sign-in-methods");
        page.click("button:has-text('Sign out')");
        try {
            signIn("officer", "demo");
            assertThat(page.locator("#login-local-off")).containsText("sign in with your directory account");
            screenshot("directory-05-local-off");
        } finally {
            login("admin");
            page.navigate(url("/admin/sign-in"));
            page.check("#f-local-everyone");
            page.click("#local-sign-in button[type=submit]");
            assertThat(page.locator(".alert-success")).containsText("every local account");
        }
    }

    @Test
    void theSignInMethodsInFrench() {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900).setLocale("fr-FR"));
        page = context.newPage();
        page.navigate(url("/login"));
        assertThat(page.locator("#login-directory")).containsText("compte d’annuaire");
        screenshot("fr-directory-01-connexion");
        login("admin");
        page.navigate(url("/admin/sign-in"));
        assertThat(page.locator("h1")).hasText("Méthodes de connexion");
        screenshot("fr-directory-02-methodes");
    }

    private void signIn(String username, String password) {
        page.navigate(url("/login"));
        page.fill("#j_username", username);
        page.fill("#j_password", password);
        page.click("button[type=submit]");
    }
}
