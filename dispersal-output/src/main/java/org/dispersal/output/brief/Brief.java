package org.dispersal.output.brief;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.model.Origin;
import org.dispersal.model.Parameter;
import org.dispersal.model.Scenario;
import org.dispersal.output.report.Citations;

/**
 * Everything a brief says, and its rendering to PDF.
 *
 * @param scenario the scenario the forecast ran
 * @param forecast the forecast's world totals
 * @param drivers the top drivers of one headline output, or null when none were screened
 * @param hypotheses the scenario's competing hypotheses and indicators, or null if it has none
 * @param track the forecast's track record
 * @param produced a line saying what made the brief and when, for the footer
 */
public record Brief(
    Scenario scenario,
    BriefForecast forecast,
    Drivers drivers,
    HypothesisSet hypotheses,
    TrackRecord track,
    String produced) {

  /** The reliability assumed for a future report of an indicator, as in dispersal update. */
  public static final double WATCH_RELIABILITY = 0.8;

  /** Checks the parts every brief needs. */
  public Brief {
    if (scenario == null || forecast == null || track == null) {
      throw new IllegalArgumentException("a brief needs a scenario, a forecast and a track record");
    }
    if (forecast.horizon() != scenario.months()) {
      throw new IllegalArgumentException(
          "the forecast runs "
              + forecast.horizon()
              + " months but scenario "
              + scenario.name()
              + " "
              + scenario.months());
    }
    produced = produced == null ? "" : produced;
  }

  /** The source ids the scenario cites (parameters, origins, hypotheses), in order. */
  public TreeSet<String> cited() {
    TreeSet<String> ids = new TreeSet<>();
    for (Parameter p : scenario.parameters().values()) {
      ids.addAll(p.sources());
    }
    for (Origin o : scenario.origins()) {
      ids.addAll(o.sources());
    }
    if (hypotheses != null) {
      hypotheses.hypotheses().forEach(h -> ids.addAll(h.sources()));
    }
    return ids;
  }

  /** The page as XHTML, what the PDF is rendered from. */
  public String xhtml() {
    return BriefPage.xhtml(this, Citations.shipped());
  }

  /** Renders the brief to a PDF. */
  public void writePdf(OutputStream out) throws IOException {
    BriefPdf.render(xhtml(), out);
  }

  /** Renders the brief to a PDF in memory. */
  public byte[] pdf() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writePdf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes the PDF to a file. */
  public void writePdf(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      writePdf(out);
    }
  }
}
