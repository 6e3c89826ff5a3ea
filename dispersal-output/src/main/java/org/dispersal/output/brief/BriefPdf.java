package org.dispersal.output.brief;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.OutputStream;

/**
 * XHTML to PDF with OpenHTMLtoPDF on PDFBox; inline SVG is drawn by Batik. The page uses the PDF
 * standard fonts (Helvetica), so the text is limited to Latin-1 and a few typographic marks that
 * WinAnsi encoding has (en dash, bullet); nothing is fetched from outside the document.
 */
final class BriefPdf {

  private BriefPdf() {}

  static void render(String xhtml, OutputStream out) throws IOException {
    // The renderer's progress messages are of no use to a reader of the command's output.
    XRLog.setLoggingEnabled(false);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.useSVGDrawer(new BatikSVGDrawer());
    builder.withHtmlContent(xhtml, null);
    builder.toStream(out);
    builder.run();
  }
}
