package org.dispersal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dispersal.agent.EngineKind;
import org.dispersal.app.artifacts.Artifacts;
import org.dispersal.app.artifacts.MemorySink;
import org.dispersal.app.forecast.AsOfForecastRequest;
import org.dispersal.input.data.SharedData;
import org.dispersal.input.observations.ObservationsReader;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.output.text.Json;
import org.junit.jupiter.api.Test;

/**
 * A forecast as of a date lists every figure it read in its manifest (used, or set aside with the
 * reason), never uses one published after the date, writes assimilation.csv and the report's box,
 * and refuses a date outside the data in one line naming the possible dates.
 */
class AsOfForecastRequestTest {

  private static final LocalDate AS_OF = LocalDate.of(2017, 8, 31);

  private static List<ObservationRecord> figures() {
    List<ObservationRecord> rows = new ArrayList<>();
    rows.addAll(ObservationsReader.read(Path.of("../data/observations/known-2017-02.csv")));
    rows.addAll(ObservationsReader.read(Path.of("../data/observations/validation-2017.csv")));
    return rows;
  }

  private static AsOfForecastRequest request(LocalDate asOf, List<ObservationRecord> rows) {
    ScenarioInput s =
        new ScenarioInput(
                Scenarios.reader().withAsOf(asOf).read("isis-2017"), Scenarios.text("isis-2017"))
            .withMonths(12);
    return new AsOfForecastRequest(s, rows, asOf, 40, 3L, 2, EngineKind.AUTO, List.of());
  }

  @Test
  void theManifestListsEveryFigureAndUsesNoneFromAfterTheDate() throws Exception {
    List<ObservationRecord> rows = figures();
    Artifacts a =
        new MemorySink()
            .keep(request(AS_OF, rows).execute(Scenarios.PROVENANCE, x -> {}, Cancellation.NEVER));
    assertThat(a.files().keySet())
        .contains("summary.csv", "report.html", "assimilation.csv", "manifest.json");
    JsonNode m = Json.MAPPER.readTree(a.files().get("manifest.json"));
    JsonNode as = m.path("assimilation");
    assertThat(as.path("as_of").asText()).isEqualTo("2017-08-31");
    assertThat(as.path("forecast_from").asText()).isEqualTo("2017-08");
    assertThat(as.path("effective_sample_size").asDouble()).isBetween(1.0, 40.0);
    assertThat(as.path("used").size()).isPositive();
    assertThat(as.path("used").size() + as.path("set_aside").size()).isEqualTo(rows.size());
    SharedData data = SharedData.shipped();
    Set<String> seen = new HashSet<>();
    for (JsonNode u : as.path("used")) {
      assertThat(u.fieldNames())
          .toIterable()
          .containsExactly("file", "line", "source", "target", "value", "published");
      ObservationRecord r = find(rows, u);
      assertThat(r.publishedBy(AS_OF, data)).as(u.toString()).isTrue();
      assertThat(seen.add(u.path("file").asText() + ":" + u.path("line").asInt())).isTrue();
    }
    int later = 0;
    for (JsonNode s : as.path("set_aside")) {
      assertThat(s.path("reason").asText()).isNotEmpty();
      assertThat(seen.add(s.path("file").asText() + ":" + s.path("line").asInt())).isTrue();
      if (!find(rows, s).publishedBy(AS_OF, data)) {
        later++;
        assertThat(s.path("reason").asText()).contains("after the as-of date 2017-08-31");
      }
    }
    assertThat(later).isPositive();
    String csv = new String(a.files().get("assimilation.csv"), StandardCharsets.UTF_8);
    assertThat(csv.lines().count()).isEqualTo(rows.size() + 1L);
    String report = new String(a.files().get("report.html"), StandardCharsets.UTF_8);
    assertThat(report).contains("Conditioned on " + as.path("used").size() + " figures");
    // The forecast starts at the as-of month: month 0 is 2017-08, twelve months after it.
    assertThat(as.path("model_start").asText()).isEqualTo("2017-02");
    assertThat(as.path("month_0").asText()).isEqualTo("2017-08");
    assertThat(report).contains("The forecast starts at 2017-08");
    String summary = new String(a.files().get("summary.csv"), StandardCharsets.UTF_8);
    List<String> firsts =
        summary
            .lines()
            .skip(1)
            .map(l -> l.split(",")[0] + "," + l.split(",")[1])
            .distinct()
            .toList();
    assertThat(firsts.get(0)).isEqualTo("0,2017-08");
    assertThat(firsts.get(firsts.size() - 1)).isEqualTo("12,2018-08");
    // Strongholds as known on 2017-08-31: West Mosul and Tal Afar lost, Raqqa still held.
    List<String> known = new ArrayList<>();
    as.path("known_at_date").forEach(k -> known.add(k.asText()));
    assertThat(known).anyMatch(k -> k.startsWith("West Mosul lost on 2017-07-10"));
    assertThat(known).anyMatch(k -> k.startsWith("Tal Afar lost on 2017-08-31"));
    assertThat(known).anyMatch(k -> k.startsWith("Raqqa still held on 2017-08-31"));
  }

  @Test
  void anAsOfDateBeforeTheStartStartsThereWithArrivals() throws Exception {
    LocalDate early = LocalDate.of(2016, 6, 30);
    Artifacts a =
        new MemorySink()
            .keep(
                request(early, figures())
                    .execute(Scenarios.PROVENANCE, x -> {}, Cancellation.NEVER));
    JsonNode as = Json.MAPPER.readTree(a.files().get("manifest.json")).path("assimilation");
    assertThat(as.path("used").size()).isZero();
    assertThat(as.path("effective_sample_size").asDouble()).isCloseTo(40.0, within(1e-9));
    assertThat(as.path("model_start").asText()).isEqualTo("2017-02");
    assertThat(as.path("month_0").asText()).isEqualTo("2016-06");
    assertThat(as.path("note").asText()).contains("the forecast starts at 2016-06");
    List<String> known = new ArrayList<>();
    as.path("known_at_date").forEach(k -> known.add(k.asText()));
    assertThat(known).anyMatch(k -> k.startsWith("arrival flow arrivals_per_month.2016"));
    assertThat(known).anyMatch(k -> k.startsWith("Manbij lost on 2016-08-12, not known by"));
    String summary = new String(a.files().get("summary.csv"), StandardCharsets.UTF_8);
    assertThat(summary.lines().skip(1).findFirst().orElseThrow()).startsWith("0,2016-06,");
  }

  /**
   * A small posterior sample over two rates and Raqqa's fall month, whose prior the date cuts: the
   * fall month is drawn from its as-of prior, the rates from the sample.
   */
  private static org.dispersal.calibration.Posterior posterior() {
    return new org.dispersal.calibration.Posterior(
        List.of("kill_rate_base", "exit_rate_base", "fall_month.raqqa"),
        new double[][] {{0.004, 0.002, 2}, {0.010, 0.004, 3}, {0.020, 0.001, 4}},
        new double[] {1, 2, 1});
  }

  private static AsOfForecastRequest withPosterior(
      List<ObservationRecord> rows, int threads, org.dispersal.calibration.Posterior posterior) {
    ScenarioInput s =
        new ScenarioInput(
                Scenarios.reader().withAsOf(AS_OF).read("isis-2017"), Scenarios.text("isis-2017"))
            .withMonths(6);
    return new AsOfForecastRequest(
        s, rows, AS_OF, 40, 3L, threads, EngineKind.AUTO, List.of(), posterior, null);
  }

  private static Artifacts run(AsOfForecastRequest r) throws java.io.IOException {
    return new MemorySink().keep(r.execute(Scenarios.PROVENANCE, x -> {}, Cancellation.NEVER));
  }

  @Test
  void withAPosteriorTheManifestSaysSoAndBytesDependOnlyOnTheFiguresPublishedByTheDate()
      throws Exception {
    List<ObservationRecord> rows = figures();
    Artifacts one = run(withPosterior(rows, 1, posterior()));
    JsonNode m = Json.MAPPER.readTree(one.files().get("manifest.json"));
    assertThat(m.path("posterior").path("particles").asInt()).isEqualTo(3);
    assertThat(m.path("posterior").path("parameters").toString())
        .isEqualTo("[\"kill_rate_base\",\"exit_rate_base\"]");
    assertThat(m.path("posterior").path("from_as_of_prior").toString())
        .isEqualTo("[\"fall_month.raqqa\"]");
    JsonNode as = m.path("assimilation");
    assertThat(as.path("filter").asText()).isEqualTo("monthly");
    assertThat(as.path("used").size()).isPositive();
    assertThat(as.path("steps").size()).isPositive();
    for (JsonNode st : as.path("steps")) {
      assertThat(st.path("month").asText()).matches("2017-0[2-8]");
      assertThat(st.path("figures").asInt()).isPositive();
      assertThat(st.path("ess").asDouble()).isBetween(1.0, 40.0);
      assertThat(st.path("distinct").asInt()).isBetween(1, 40);
    }
    byte[] summary = one.files().get("summary.csv");
    assertThat(run(withPosterior(rows, 3, posterior())).files().get("summary.csv"))
        .isEqualTo(summary);
    // The figures published after the date, left out, change no byte.
    SharedData data = SharedData.shipped();
    List<ObservationRecord> byTheDate =
        rows.stream().filter(r -> r.publishedBy(AS_OF, data)).toList();
    assertThat(byTheDate.size()).isLessThan(rows.size());
    assertThat(run(withPosterior(byTheDate, 2, posterior())).files().get("summary.csv"))
        .isEqualTo(summary);
    // The sample is used: drawing from the priors gives another forecast.
    assertThat(run(withPosterior(rows, 2, null)).files().get("summary.csv")).isNotEqualTo(summary);
  }

  @Test
  void theMonthlyFilterNeedsTheCohortEngine() {
    ScenarioInput s =
        new ScenarioInput(
            Scenarios.reader().withAsOf(AS_OF).read("isis-2017"), Scenarios.text("isis-2017"));
    assertThatThrownBy(
            () ->
                new AsOfForecastRequest(
                    s,
                    List.of(),
                    AS_OF,
                    40,
                    3L,
                    1,
                    EngineKind.AGENT,
                    List.of(),
                    null,
                    org.dispersal.assimilation.Assimilation.Filter.MONTHLY))
        .hasMessageStartingWith("filter: the monthly filter needs the cohort engine");
  }

  @Test
  void aDateOutsideTheDataIsOneLineNamingTheRange() {
    assertThatThrownBy(() -> AsOfForecastRequest.checkAsOf(LocalDate.of(2020, 1, 1)))
        .hasMessage(
            "asOf: '2020-01-01' is outside the data: a forecast can be made as of any date from"
                + " 2015-01-01 to 2019-12-31");
  }

  private static ObservationRecord find(List<ObservationRecord> rows, JsonNode n) {
    return rows.stream()
        .filter(r -> r.file().equals(n.path("file").asText()) && r.line() == n.path("line").asInt())
        .findFirst()
        .orElseThrow();
  }
}
