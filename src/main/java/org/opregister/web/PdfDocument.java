package org.opregister.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * Prints a page rendered from a Qute template (well-formed XHTML, its own print stylesheet) to PDF with
 * openhtmltopdf. Text is set in DejaVu Sans, embedded from the classpath (subset), so accents, the euro sign and the
 * narrow no-break space of French figures print as they are: nothing is fetched from the network, and the
 * template's {@code font-family} must be {@code "DejaVu Sans"}. The PDF is tagged (PDF/UA), so the template must give
 * a {@code <title>} and its {@code lang}.
 */
public final class PdfDocument {

    public static final String PDF = "application/pdf";

    /** The font every report uses. */
    public static final String FONT = "DejaVu Sans";

    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

    static {
        // openhtmltopdf logs each rendering's steps at INFO on its own console handler: keep its warnings only
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
    }

    private PdfDocument() {
    }

    /** The PDF of an XHTML page (its title and language from its own head and html element). */
    public static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // tagged PDF (PDF/UA): structure for screen readers, title and language from the page; it also leaves
            // out the 14 standard PDF fonts, so PDFBox never scans the system's fonts for substitutes
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Oblique.ttf"), FONT, 400, FontStyle.ITALIC, true);
            builder.withProducer("Op-Risk Register");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream font(String file) {
        InputStream in = PdfDocument.class.getResourceAsStream(FONTS + file);
        if (in == null) {
            throw new IllegalStateException("font missing from the classpath: " + FONTS + file);
        }
        return in;
    }
}
