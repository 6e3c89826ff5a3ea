package org.dispersal.output.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dispersal.input.data.CsvRow;
import org.dispersal.input.data.CsvTable;
import org.dispersal.output.page.InlineHashes;
import org.dispersal.sensitivity.SensitivityAnalysis;
import org.dispersal.sensitivity.Sobol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensitivityOutputsTest {

  @TempDir Path tmp;

  private static List<SensitivityOutputs.Output> outputs() {
    SensitivityAnalysis.Result r =
        result(
            exitRateBase(new Sobol.Index(0.4, 0.3, 0.5, 0.6, 0.5, 0.7)),
            new SensitivityAnalysis.ParameterResult("share_killed_by_start", 12, 12, 0, 2, null));
    return List.of(new SensitivityOutputs.Output("returned:country=FRA,month=24", r));
  }

  /** The results of 40 Morris and 160 Sobol' evaluations of 4 replications each. */
  private static SensitivityAnalysis.Result result(SensitivityAnalysis.ParameterResult... ps) {
    return new SensitivityAnalysis.Result(List.of(ps), 40, 160, 4);
  }

  /** The most influential parameter of both tests, ranked first, with the given indices. */
  private static SensitivityAnalysis.ParameterResult exitRateBase(Sobol.Index sobol) {
    return new SensitivityAnalysis.ParameterResult("exit_rate_base", 120.5, -80, 30.25, 1, sobol);
  }

  @Test
  void writesOneCsvRowPerOutputAndParameter() throws Exception {
    Path f = tmp.resolve("sensitivity.csv");
    SensitivityOutputs.writeCsv(outputs(), f);
    CsvTable t = ValidationFixtures.readCsv(f);
    assertThat(t.header())
        .containsExactly(
            "output",
            "parameter",
            "rank",
            "morris_mu_star",
            "morris_mu",
            "morris_sigma",
            "S1",
            "S1_low",
            "S1_high",
            "ST",
            "ST_low",
            "ST_high");
    assertThat(t.rows()).hasSize(2);
    CsvRow first = t.rows().get(0);
    assertThat(first.text("output")).isEqualTo("returned:country=FRA,month=24");
    assertThat(first.text("morris_mu_star")).isEqualTo("120.500");
    assertThat(first.text("morris_mu")).isEqualTo("-80");
    assertThat(first.text("ST_high")).isEqualTo("0.700000");
    CsvRow second = t.rows().get(1);
    assertThat(second.text("rank")).isEqualTo("2");
    assertThat(second.text("morris_sigma")).isEqualTo("0");
    assertThat(second.text("S1")).isEmpty();
    assertThat(second.text("ST_high")).isEmpty();
    assertThat(Files.readString(f)).contains("\"returned:country=FRA,month=24\",exit_rate_base,1,");
  }

  @Test
  void writesATornadoAndATablePerOutputInTheSharedPage() throws Exception {
    Path f = tmp.resolve("sensitivity.html");
    InlineHashes hashes = SensitivityOutputs.writeHtml("isis <2017>", outputs(), "dispersal x", f);
    String html = Files.readString(f);
    assertThat(html)
        .contains("<title>Sensitivity of isis &lt;2017&gt;</title>")
        .contains("<h2>returned:country=FRA,month=24</h2>")
        .contains("Morris: 40 design points; Sobol': 160 design points; 4 replications")
        .contains("0.400 [0.300, 0.500]", "0.600 [0.500, 0.700]")
        .contains("exit_rate_base", "share_killed_by_start")
        .doesNotContain("style=\"");
    assertThat(ValidationFixtures.count(html, "<svg")).isEqualTo(1);
    assertThat(ValidationFixtures.count(html, "<rect")).as("two bars, one parameter").isEqualTo(2);
    assertThat(hashes.attributes()).isEmpty();
    assertThat(ValidationFixtures.sidecar(f)).isEqualTo(hashes);
  }

  @Test
  void explainsItsNumbersGivesAVerdictAndFlagsS1AboveStBeyondTheNoise() throws Exception {
    SensitivityAnalysis.Result r =
        result(
            exitRateBase(new Sobol.Index(0.6, 0.5, 0.7, 0.3, 0.2, 0.4)),
            new SensitivityAnalysis.ParameterResult(
                "border_closure", 12, 12, 0, 2, new Sobol.Index(0.05, 0.0, 0.1, 0.04, 0.0, 0.09)),
            new SensitivityAnalysis.ParameterResult(
                "tiny", 1, 1, 0, 3, new Sobol.Index(0.01, 0.0, 0.02, 0.01, 0.0, 0.02)));
    assertThat(SensitivityOutputs.firstAboveTotal(r))
        .singleElement()
        .asString()
        .startsWith("Warning: for exit_rate_base, S1 0.600 [0.500, 0.700] exceeds ST 0.300");
    assertThat(SensitivityOutputs.verdict(r))
        .startsWith("exit_rate_base matters most")
        .endsWith("(ST below 0.05 at the 95% bound): tiny.");
    Path f = tmp.resolve("s.html");
    SensitivityOutputs.writeHtml(
        "isis-2017", List.of(new SensitivityOutputs.Output("x", r)), "d", f);
    String html = java.nio.file.Files.readString(f);
    assertThat(html)
        .contains("<strong>μ*</strong>")
        .contains("<strong>S1</strong>")
        .contains("<strong>ST</strong>");
    assertThat(html).contains("Verdict:").contains("exceeds ST");
  }
}
