package org.opregister.browser;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main journey in a browser set to French (fr-FR): sign-in page, recording an incident and a loss line typed the
 * French way, the register, each module's page, the returns and DORA, with a screenshot of each (fr-*.png).
 */
@QuarkusTest
class FrenchJourneyTest extends BrowserTest {

    @BeforeEach
    void frenchBrowser() {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)
                .setLocale("fr-FR").setAcceptDownloads(true));
        page = context.newPage();
    }

    @Test
    void anOfficerWorksInFrench() {
        page.navigate(url("/login"));
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.locator("button[type=submit]")).hasText("Se connecter");
        screenshot("fr-01-connexion");
        login("officer");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        screenshot("fr-02-tableau-de-bord");

        page.navigate(url("/incidents/new"));
        page.fill("#f-title", "Parcours en français : paiements par carte rejetés");
        page.fill("#f-description", "Les paiements par carte ont été rejetés pendant deux heures.");
        page.selectOption("#f-severity", "HIGH");
        page.selectOption("#f-eventCategory", "BUSINESS_DISRUPTION");
        page.selectOption("#f-eventType", "SYSTEMS");
        page.selectOption("#f-businessLine", "PAYMENT_AND_SETTLEMENT");
        page.fill("#f-orgUnit", "Monétique");
        page.fill("#f-owner", "Responsable des cartes");
        page.fill("#f-occurrenceDate", "2025-05-06");
        page.fill("#f-discoveryDate", "2025-05-06");
        page.check("#f-cause-SYSTEMS");
        screenshot("fr-03-nouvel-incident");
        page.click("main form button[type=submit].btn-primary");
        assertThat(page.locator(".alert-success")).isVisible();

        Locator loss = page.locator("form.loss-form");
        loss.locator("#f-type").selectOption("DIRECT_CHARGE");
        loss.locator("#f-amount").fill("12 500,50");
        loss.locator("#f-currency").fill("EUR");
        loss.locator("#f-fxRate").fill("1");
        loss.locator("#f-accountingDate").fill("2025-05-31");
        loss.locator("#f-description").fill("Rétrofacturations");
        loss.locator("button[type=submit]").click();
        assertThat(page.locator(".alert-success")).isVisible();
        assertThat(page.locator("#gross-loss")).hasText("12\u202F500,50 EUR");
        assertTrue(page.content().contains("06/05/2025"), "dates written the French way");
        screenshot("fr-04-incident-et-perte");

        for (String[] visit : List.of(new String[]{"/incidents", "fr-05-registre"},
                new String[]{"/incidents?q=INC-2024-0719-01", "fr-06-registre-recherche"},
                new String[]{"/risks", "fr-07-risques"}, new String[]{"/controls", "fr-08-controles"},
                new String[]{"/assessments", "fr-09-rcsa"}, new String[]{"/kris", "fr-10-kri"},
                new String[]{"/actions", "fr-11-plans-action"}, new String[]{"/control-tests", "fr-12-tests"},
                new String[]{"/attestations", "fr-13-attestations"}, new String[]{"/losses", "fr-14-pertes"},
                new String[]{"/reports", "fr-15-declarations"}, new String[]{"/reports/sma", "fr-16-sma"},
                new String[]{"/dora", "fr-17-dora"}, new String[]{"/ict-providers", "fr-18-prestataires-tic"},
                new String[]{"/account/language", "fr-19-langue"})) {
            page.navigate(url(visit[0]));
            assertThat(page.locator("html")).hasAttribute("lang", "fr");
            assertFalse(page.content().contains("??"), visit[0] + " has an untranslated key");
            screenshot(visit[1]);
        }
        page.navigate(url("/incidents?q=INC-2024-0719-01"));
        page.click("text=INC-2024-0719-01");
        assertThat(page.locator("#net-loss")).hasText("641\u202F500,00 EUR");
        assertTrue(page.content().contains("19/07/2024"));
        screenshot("fr-20-cas-crowdstrike");
    }

    @Test
    void theLanguageCanBeChangedOnTheSignInPageAndOnTheAccount() {
        page.navigate(url("/login"));
        page.click("a[hreflang=en]");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.click("a[hreflang=fr]");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        login("auditor");
        page.navigate(url("/audit"));
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        screenshot("fr-21-piste-audit");
    }
}
