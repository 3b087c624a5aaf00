package org.opregister.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Response;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.security.OidcProviderServer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in through the bank's OpenID Connect provider, in the browser, against a real provider: an officer and a
 * manager get the roles of their groups, sign out here and at the provider, and come back to the sign-in page;
 * someone in no mapped group is told why; the sign-in methods page shows the provider, in English and in French.
 */
@QuarkusTest
@WithTestResource(OidcProviderServer.class)
class ProviderJourneyTest extends BrowserTest {

    @Test
    void anOfficerAndAManagerSignInThroughTheProviderWithTheRolesOfTheirGroups() {
        page.navigate(url("/incidents"));
        page.waitForURL(url("/login"));
        assertThat(page.locator("#login-provider")).hasText("Sign in with Bank ID");
        screenshot("provider-01-sign-in-page");
        page.click("#login-provider");
        providerSignIn("camille.martin", "officer-password");
        page.waitForURL(url("/incidents"));
        assertThat(page.locator(".app-account")).containsText("Camille Martin");
        assertThat(page.locator(".app-account .badge")).hasText("Risk officer");
        Response refused = page.navigate(url("/admin/users"));
        assertEquals(403, refused.status());
        signOutEverywhere();

        page.click("#login-provider");
        providerSignIn("lucas.bernard", "manager-password");
        page.waitForURL(url("/"));
        assertThat(page.locator(".app-account .badge")).hasText("Manager");
        signOutEverywhere();
        Response signedOut = page.navigate(url("/audit"));
        assertTrue(signedOut.url().endsWith("/login"), signedOut.url());

        page.context().clearCookies();
        login("admin");
        page.navigate(url("/admin/users"));
        assertThat(page.locator("tr:has-text('camille.martin')")).containsText("Directory (OpenID Connect)");
        screenshot("provider-03-users");
    }

    @Test
    void someoneInNoMappedGroupIsToldWhy() {
        page.navigate(url("/login"));
        page.click("#login-provider");
        providerSignIn("ines.petit", "staff-password");
        assertThat(page.locator("#login-no-role")).containsText("no group that gives access");
        screenshot("provider-04-no-role");
    }

    @Test
    void theSignInMethodsPageShowsTheProviderInEnglishAndFrench() {
        login("admin");
        page.navigate(url("/admin/sign-in"));
        assertThat(page.locator("#oidc-settings")).containsText(OidcProviderServer.issuer());
        assertThat(page.locator("#oidc-settings")).not().containsText("register-client-secret");
        screenshot("provider-05-sign-in-methods");

        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900).setLocale("fr-FR"));
        page = context.newPage();
        page.navigate(url("/login"));
        assertThat(page.locator("#login-provider")).hasText("Se connecter avec Bank ID");
        screenshot("fr-provider-01-connexion");
        login("admin");
        page.navigate(url("/admin/sign-in"));
        assertThat(page.locator("#oidc-title")).containsText("OpenID Connect");
        screenshot("fr-provider-02-methodes");
    }

    private void providerSignIn(String username, String password) {
        page.waitForSelector("#provider-submit");
        assertTrue(page.url().startsWith(OidcProviderServer.issuer()), page.url());
        page.fill("#login", username);
        page.fill("#password", password);
        page.click("#provider-submit");
    }

    /** Signs out of the register, confirms at the provider, and is back on the register's sign-in page. */
    private void signOutEverywhere() {
        page.navigate(url("/"));
        page.click("button:has-text('Sign out')");
        page.waitForSelector("#provider-logout");
        screenshot("provider-02-provider-sign-out");
        page.click("#provider-logout");
        page.waitForURL(url("/login"));
        assertThat(page.locator(".alert-success, .alert-info").first()).containsText("signed out");
    }
}
