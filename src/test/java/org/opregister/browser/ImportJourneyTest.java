package org.opregister.browser;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A manager brings a bank's history in: a file with a bad cell, fixed, checked in a dry run with the bank's control
 * library and risk register beside it, then imported; the job page read in French too.
 */
@QuarkusTest
class ImportJourneyTest extends BrowserTest {

    private static final String HEADER = "reference,title,status,severity,event_category,event_type,business_line,"
            + "org_unit,owner,occurrence_date,discovery_date,closure_date,causes,description,closed_by";

    private static final String CONTROL_HEADER = "reference,title,control_type,nature,frequency,owner,"
            + "design_effectiveness,operating_effectiveness,key_control,risks";

    private static final String RISK_HEADER = "reference,title,status,event_category,business_line,org_unit,owner,"
            + "inherent_likelihood,inherent_impact,residual_likelihood,residual_impact,controls";

    private static final LocatorAssertions.ContainsTextOptions WAIT = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(30_000);

    @Test
    void aManagerRunsAnImportFromTheDryRunToTheEnd() {
        String key = "HIST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String row = key + ",Cheque scanner outage in 2019,CLOSED,MEDIUM,BUSINESS_DISRUPTION,SYSTEMS,RETAIL_BANKING,"
                + "Branches,Head of Branches,2019-03-04,2019-03-05,2019-04-30,SYSTEMS,Scanners down for a day,cro";
        login("manager");
        page.navigate(url("/incidents"));
        page.click("#imports-link");
        assertThat(page.locator("h1")).containsText("Import");
        screenshot("90-import-page");

        page.setInputFiles("#f-incidents", file(row.replace("MEDIUM", "MILD")));
        page.click("#dry-run");
        assertThat(page.locator("#import-status")).containsText("Rejected", WAIT);
        assertThat(page.locator("#import-problems")).containsText("severity");
        assertThat(page.locator("#import-problems")).containsText("Choose one of the listed values.");
        screenshot("91-import-bad-cell");

        page.navigate(url("/imports"));
        page.setInputFiles("#f-controls", new FilePayload("controls.csv", "text/csv", csv(CONTROL_HEADER,
                key + "-C1,Cheque scanner spare pool,PREVENTIVE,MANUAL,MONTHLY,Head of Branches,EFFECTIVE,"
                        + "EFFECTIVE,true," + key + "-R1")));
        page.setInputFiles("#f-risks", new FilePayload("risks.csv", "text/csv", csv(RISK_HEADER,
                key + "-R1,Branch equipment failure,ACTIVE,BUSINESS_DISRUPTION,RETAIL_BANKING,Branches,"
                        + "Head of Branches,3,3,2,2," + key + "-C1")));
        page.setInputFiles("#f-incidents", file(row));
        screenshot("92-import-three-files");
        page.click("#dry-run");
        assertThat(page.locator("#import-status")).containsText("Done", WAIT);
        assertThat(page.locator("#import-ready")).isVisible();
        assertThat(page.locator("#import-counts tr[data-part=controls]")).containsText("1");
        assertThat(page.locator("#import-counts tr[data-part=risks]")).containsText("1");
        assertThat(page.locator("#import-counts tr[data-part=links]")).containsText("1");
        assertThat(page.locator("#import-counts tr[data-part=incidents]")).containsText("1");
        screenshot("93-import-dry-run-good");

        page.click("#import-run");
        assertThat(page.locator("#import-done")).containsText("Imported", WAIT);
        screenshot("94-import-done");
        String done = page.url();

        page.navigate(url("/risks?q=branch+equipment"));
        assertThat(page.locator("table")).containsText("Branch equipment failure");

        page.navigate(url("/incidents?q=cheque+scanner"));
        assertThat(page.locator("table")).containsText("Cheque scanner outage in 2019");
        assertThat(page.locator("table")).containsText("Closed");

        // The same pages read in French.
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900).setLocale("fr-FR"));
        page = context.newPage();
        login("manager");
        page.navigate(done);
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.locator("#import-counts")).containsText("Liens risques–contrôles");
        screenshot("95-import-fait");
        page.navigate(url("/imports"));
        assertThat(page.locator("#import-form")).containsText("Fichier des contrôles");
        screenshot("96-import-page-fr");
    }

    private static byte[] csv(String header, String row) {
        return (header + "\r\n" + row + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static FilePayload file(String row) {
        return new FilePayload("history.csv", "text/csv",
                (HEADER + "\r\n" + row + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
