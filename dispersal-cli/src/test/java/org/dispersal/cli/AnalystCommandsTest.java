package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dispersal.input.scenario.ScenarioReader;
import org.dispersal.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end tests of the analyst commands (screening, threat, compare) and their errors. */
class AnalystCommandsTest {

  @TempDir Path tmp;

  private static CliTest.Result run(String... args) {
    return CliTest.run(args);
  }

  /** {@code dispersal screening} of a country's returnees by a tool, then {@code more}. */
  private static CliTest.Result screening(
      String country, String sensitivity, String specificity, String... more) {
    return CliTest.run(
        List.of(
            "screening",
            "--country",
            country,
            "--sensitivity",
            sensitivity,
            "--specificity",
            specificity),
        more);
  }

  @Test
  void screeningWritesNumbersNaturalFrequenciesAndAChart() throws Exception {
    Path dir = tmp.resolve("s");
    CliTest.Result r =
        screening(
            "FRA",
            "0.8",
            "0.9",
            "--month",
            "24",
            "--runs",
            "8",
            "--threads",
            "2",
            "--out",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Screening the returnees of France (FRA) at month 24 (2019-02)")
        .contains("Positive predictive value")
        .contains("Of 1,000 returnees");
    List<String> csv = Files.readAllLines(dir.resolve("screening.csv"));
    assertThat(csv.get(0))
        .isEqualTo(
            "country,month,window_months,sensitivity,specificity,runs,measure,mean,p05,p50,p95");
    assertThat(csv).hasSize(8).anyMatch(l -> l.startsWith("FRA,24,12,0.8,0.9,8,ppv,"));
    String html = Files.readString(dir.resolve("screening.html"));
    assertThat(html).contains("<svg").contains("Natural frequencies").doesNotContain("http");
  }

  @Test
  void screeningRejectsBadInputWithOneLineNamingTheFlag() {
    CliTest.Result sens = screening("FRA", "1.5", "0.9");
    assertThat(sens.code()).isEqualTo(UserErrors.USER);
    assertThat(sens.err().strip())
        .isEqualTo("dispersal: --sensitivity must be between 0 and 1, not 1.5");
    CliTest.Result spec = screening("FRA", "0.5", "-0.1");
    assertThat(spec.err().strip())
        .isEqualTo("dispersal: --specificity must be between 0 and 1, not -0.1");
    CliTest.Result country = screening("XYZ", "0.8", "0.9", "--runs", "2");
    assertThat(country.code()).isEqualTo(UserErrors.USER);
    assertThat(country.err().lines()).hasSize(1);
    // Issue #16, finding 8: the error sent the user to dispersal explain, which does not list the
    // origins; it lists them itself.
    assertThat(country.err())
        .contains("--country XYZ is not an origin of scenario isis-2017 (its origins: ")
        .contains("BEL, ", "FRA, ")
        .doesNotContain("explain");
    CliTest.Result month = screening("FRA", "0.8", "0.9", "--month", "99", "--runs", "2");
    assertThat(month.err().strip())
        .isEqualTo("dispersal: --month must be between 0 and the horizon 36, not 99");
  }

  @Test
  void threatRanksDestinationsAndWritesEveryMonth() throws Exception {
    Path dir = tmp.resolve("t");
    CliTest.Result r = run("threat", "--runs", "8", "--threads", "3", "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Threat outlook isis-2017: 8 replications").contains("(FRA)");
    List<String> csv = Files.readAllLines(dir.resolve("threat.csv"));
    assertThat(csv.get(0)).isEqualTo("rank,destination,name,month,date,measure,mean,p05,p50,p95");
    long destinations = csv.stream().skip(1).map(l -> l.split(",")[1]).distinct().count();
    assertThat(csv).hasSize(1 + (int) destinations * 37 * 5);
    assertThat(csv.get(1)).startsWith("1,");
    assertThat(Files.readString(dir.resolve("threat.html"))).contains("Ranked destinations");
    assertThat(r.out()).contains("threat.csv, threat.json, threat.html");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("threat.json").toFile());
    assertThat(json.get("replications").asInt()).isEqualTo(8);
    assertThat(json.get("seed").asLong()).isEqualTo(20170213L);
    assertThat(json.get("destinations")).hasSize((int) destinations);
    // The top destination of threat.csv is the first of threat.json, with the same figures.
    String[] first = csv.get(1).split(",");
    JsonNode top = json.get("destinations").get(0);
    assertThat(top.get("id").asText()).isEqualTo(first[1]);
    assertThat(top.get("series").get(first[first.length - 5]).get("mean").get(0).asDouble())
        .isEqualTo(Double.parseDouble(first[first.length - 4]));
  }

  @Test
  void comparingTheBaseWithItselfGivesExactlyZeroDifferences() throws Exception {
    Path dir = tmp.resolve("c");
    CliTest.Result r =
        CliTest.run(
            CliTest.comparison(6, "isis-2017", "isis-2017", "isis-2017-prosecution-doubled"),
            "--threads",
            "2",
            "--out",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> csv = Files.readAllLines(dir.resolve("compare.csv"));
    // Four months (6, 12, 24, 36) of three variants and twelve states.
    assertThat(csv).hasSize(1 + 4 * 3 * 13);
    for (String line : csv.subList(1, csv.size())) {
      String[] f = line.split(",");
      if (f[0].equals("isis-2017")) {
        assertThat(List.of(f[9], f[10], f[11], f[12])).as(line).containsOnly("0");
      }
    }
    assertThat(csv.stream().skip(1).map(l -> l.split(",")[2]).distinct())
        .containsExactly("6", "12", "24", "36");
    assertThat(csv)
        .anyMatch(l -> l.startsWith("isis-2017-prosecution-doubled,isis-2017,36,6,prosecuted,"));
    assertThat(Files.readString(dir.resolve("compare.html"))).contains("Side by side");
  }

  @Test
  void compareNeedsTwoVariants() {
    CliTest.Result r = run("compare", "--variant", "isis-2017", "--runs", "2");
    assertThat(r.code()).isEqualTo(UserErrors.USER);
    assertThat(r.err().strip())
        .isEqualTo(
            "dispersal: --variant must be given at least twice (the base, then the variants),"
                + " not 1 time");
  }

  @Test
  void everyBuiltInVariantReadsAndKeepsTheBaseParameterOrder() {
    List<String> base =
        List.copyOf(ScenarioSource.load("isis-2017", List.of()).scenario().parameters().keySet());
    for (String name : ScenarioReader.builtInNames()) {
      if (!name.startsWith("isis-2017-")) {
        continue; // another case, not a variant of isis-2017
      }
      Scenario s = ScenarioSource.load(name, List.of()).scenario();
      assertThat(s.name()).isEqualTo(name);
      assertThat(List.copyOf(s.parameters().keySet())).as(name).isEqualTo(base);
    }
  }
}
