package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dispersal brief}: a PDF of two to four pages from a stored forecast and from a forecast
 * run now; bad input is one line and exit code 2.
 */
class BriefCommandTest {

  @TempDir Path tmp;

  private static String text(Path pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getNumberOfPages()).as("pages of " + pdf).isBetween(2, 4);
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  @Test
  void aStoredForecastGivesABriefOfItsOwnNumbers() throws Exception {
    String db = "jdbc:duckdb:" + tmp.resolve("store/dispersal.duckdb");
    CliTest.Result f =
        CliTest.run(
            "forecast",
            "--runs",
            "8",
            "--months",
            "12",
            "--out",
            tmp.resolve("forecast").toString(),
            "--db",
            db);
    assertThat(f.code()).as(f.err()).isZero();

    Path pdf = tmp.resolve("brief.pdf");
    CliTest.Result b =
        CliTest.run("brief", "--run", "1", "--db", db, "--drivers", "0", "--out", pdf.toString());
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(b.out()).contains("Brief of isis-2017 (stored run 1) written to " + pdf);
    String text = text(pdf);
    assertThat(text)
        .contains("Stored run 1: 8 replications, seed 20170213")
        .contains("From Feb 2017, 12 months to Feb 2018")
        .contains("It is likely (about 75%) that at least")
        .contains("+12 months")
        .contains("No sensitivity screening was run")
        .contains("Indicators to watch")
        .containsPattern("\\d+% of the figures");
    String csv = Files.readString(tmp.resolve("forecast/summary.csv"));
    // the headline's median of the killed at +12 months is the stored row's p50
    String row =
        csv.lines()
            .filter(l -> l.startsWith("12,") && l.contains(",world,,all,killed,,"))
            .findFirst()
            .orElseThrow();
    long p50 = Math.round(Double.parseDouble(row.split(",")[10]));
    assertThat(text).contains(String.format(java.util.Locale.ROOT, "Median %,d", p50));
  }

  @Test
  void aBriefOfAForecastRunNowScreensTheDrivers() throws Exception {
    Path pdf = tmp.resolve("now.pdf");
    CliTest.Result b =
        CliTest.run(
            "brief",
            "--scenario",
            "isis-2017",
            "--runs",
            "10",
            "--drivers",
            "2",
            "--threads",
            "2",
            "--out",
            pdf.toString());
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(text(pdf))
        .contains("Forecast run for this brief: 10 replications")
        .contains("Morris screening")
        .contains("2 trajectories");
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() {
    String db = "jdbc:duckdb:" + tmp.resolve("empty/dispersal.duckdb");
    String out = tmp.resolve("x.pdf").toString();
    String[][] cases = {
      {"brief", "--scenario", "isis-2017", "--run", "1", "--out", out},
      {"brief", "--run", "99", "--db", db, "--out", out},
      {"brief", "--drivers", "-1", "--out", out},
      {"brief", "--drivers", "1", "--out", out},
      {"brief", "--runs", "0", "--out", out},
      {"brief", "--scenario", "no-such-scenario", "--out", out},
      {"brief", "--out", tmp.toString()},
    };
    for (String[] args : cases) {
      CliTest.Result r = CliTest.run(args);
      assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    }
    assertThat(Files.exists(tmp.resolve("x.pdf"))).isFalse();
  }
}
