package org.opregister.browser;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A manager brings a bank's history in: a file with a bad cell, fixed, checked in a dry run, then imported. */
@QuarkusTest
class ImportJourneyTest extends BrowserTest {

    private static final String HEADER = "reference,title,status,severity,event_category,event_type,business_line,"
            + "org_unit,owner,occurrence_date,discovery_date,closure_date,causes,description,closed_by";

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
        page.setInputFiles("#f-incidents", file(row));
        page.click("#dry-run");
        assertThat(page.locator("#import-status")).containsText("Done", WAIT);
        assertThat(page.locator("#import-ready")).isVisible();
        assertThat(page.locator("#import-counts")).containsText("1");
        screenshot("92-import-dry-run-good");

        page.click("#import-run");
        assertThat(page.locator("#import-done")).containsText("Imported", WAIT);
        screenshot("93-import-done");

        page.navigate(url("/incidents?q=cheque+scanner"));
        assertThat(page.locator("table")).containsText("Cheque scanner outage in 2019");
        assertThat(page.locator("table")).containsText("Closed");
    }

    private static FilePayload file(String row) {
        return new FilePayload("history.csv", "text/csv",
                (HEADER + "\r\n" + row + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
