package org.opregister.incident;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.audit.AuditEntry;
import org.opregister.audit.ExportAudit;
import org.opregister.seed.ExampleCase;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incident report for committees: a PDF whose extracted text carries the reference, the totals, the ledger
 * lines and the review trail (who submitted, returned and closed, when and why), in English and in French.
 */
@QuarkusTest
class IncidentReportTest {

    @Test
    void theExampleCaseReportInEnglish() throws Exception {
        Incident incident = example();
        Session auditor = TestSupport.session("auditor");
        String text = pdfText(auditor, incident.id);

        assertContains(text, ExampleCase.REFERENCE);
        assertContains(text, "Incident report");
        assertContains(text, "Endpoint outage after faulty CrowdStrike content update");
        assertContains(text, "Gross loss " + money(incident.grossLoss, Locale.ENGLISH));
        assertContains(text, "Net loss " + money(incident.netLoss, Locale.ENGLISH));
        assertContains(text, "LE-02 Payments recalled from beneficiaries");
        assertContains(text, "1,260,000.00 EUR");
        assertContains(text, "Business disruption and system failures");
        // the review trail, oldest first: submitted by the officer, returned with its reason, closed with its comment
        assertContains(text, "Review trail");
        assertContains(text, "Open → Under review");
        assertContains(text, "Under review → Open");
        assertContains(text, "Martin Manager (demo)");
        assertContains(text, "Returned for rework: loss events LE-03 to LE-05");
        assertContains(text, "Under review → Closed");
        assertContains(text, "Mia Manager (demo)");
        assertContains(text, "Closed: all five loss events");
        assertContains(text, "2024-08-08 14:02");
        assertTrue(
                normal(text).indexOf(normal("Returned for rework")) < normal(text).indexOf(normal("Closed: all five")),
                "oldest first");

        AuditEntry line = ExportAudit.await("export=incident-report.pdf; filters=incident=" + ExampleCase.REFERENCE
                + "; rows=1");
        assertEquals("auditor", line.username);
    }

    @Test
    void theSameReportInFrench() throws Exception {
        Incident incident = example();
        String text = pdfText(TestSupport.session("officer").in("fr"), incident.id);
        assertContains(text, ExampleCase.REFERENCE);
        assertContains(text, "Rapport d’incident");
        assertContains(text, "Historique de la revue");
        assertContains(text, "Perte brute " + money(incident.grossLoss, Locale.FRENCH));
        assertContains(text, "Perte nette " + money(incident.netLoss, Locale.FRENCH));
        assertContains(text, "LE-02 Payments recalled from beneficiaries");
        assertContains(text, "En revue → Clôturé");
        assertContains(text, "Returned for rework");
        assertContains(text, "08/08/2024");
        assertFalse(text.contains("??"), "no untranslated key");
        assertFalse(text.contains("#"), "every character printed");
    }

    @Test
    void aNewIncidentWithoutLedgerOrTrailStillPrints() throws Exception {
        Session officer = TestSupport.session("officer");
        long id = IncidentFixtures.record(officer, "Réconciliation manquée – été « test » pdfreport");
        String text = pdfText(officer, id);
        assertContains(text, "Réconciliation manquée – été « test » pdfreport");
        assertContains(text, "No loss lines yet.");
        officer.request().get("/incidents/" + id).then().statusCode(200)
                .body(containsString("href=\"/incidents/" + id + "/report.pdf\""));
        officer.request().get("/incidents/999999/report.pdf").then().statusCode(404);
        int anonymous = io.restassured.RestAssured.given().redirects().follow(false)
                .get("/incidents/" + id + "/report.pdf").statusCode();
        assertTrue(anonymous == 302 || anonymous == 401, "anonymous: " + anonymous);
    }

    private static String pdfText(Session session, long id) throws Exception {
        byte[] pdf = session.request().get("/incidents/" + id + "/report.pdf").then().statusCode(200)
                .contentType(containsString("application/pdf"))
                .header("Content-Disposition", matchesPattern("attachment; filename=\"[A-Z0-9-]+-report-"
                        + "\\d{4}-\\d{2}-\\d{2}\\.pdf\""))
                .extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.getName().contains("DejaVuSans"), "only the embedded font: " + font.getName());
                    assertTrue(font.isEmbedded(), font.getName());
                }
            }
            return new PDFTextStripper().getText(document);
        }
    }

    private static Incident example() {
        return QuarkusTransaction.requiringNew().call(() -> Incident.findByReference(ExampleCase.REFERENCE));
    }

    private static String money(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount) + " EUR";
    }

    /** Without whitespace of any kind (line breaks, also after a hyphen, no-break spaces): the words as printed. */
    private static String normal(String text) {
        return text.replaceAll("[\\s\\u00A0\\u202F]+", "");
    }

    private static void assertContains(String text, String expected) {
        assertTrue(normal(text).contains(normal(expected)), () -> "missing «" + expected + "» in:\n" + text);
    }

}
