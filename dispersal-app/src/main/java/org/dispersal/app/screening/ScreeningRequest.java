package org.dispersal.app.screening;

import java.time.Instant;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.dispersal.analyst.Screening;
import org.dispersal.analyst.ScreeningTest;
import org.dispersal.app.Cancellation;
import org.dispersal.app.ManifestBuilder;
import org.dispersal.app.Provenance;
import org.dispersal.app.RunRequest;
import org.dispersal.app.RunResult;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.problem.InputException;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Origin;
import org.dispersal.model.Scenario;
import org.dispersal.output.analyst.ScreeningOutputs;
import org.dispersal.store.RunKind;

/**
 * A screening of one origin country's returnees: what a tool of stated sensitivity and specificity
 * would flag, miss and wrongly flag, with the base rate from the forecast ({@link Screening});
 * writes screening.csv and screening.html.
 *
 * @param scenario the scenario as run
 * @param country the origin's ISO 3166-1 alpha-3 code, as in the scenario's origins
 * @param month the month of the screening, 0 to the horizon
 * @param window months ahead in which a returnee's re-engagement counts as committed, 1 to 240
 * @param sensitivity the share of committed returnees the tool flags, 0 to 1
 * @param specificity the share of the others it clears, 0 to 1
 * @param replications 1 to {@link #MAX_REPLICATIONS}
 * @param seed the master seed
 * @param threads worker threads, at least 1
 */
public record ScreeningRequest(
    ScenarioInput scenario,
    String country,
    int month,
    int window,
    double sensitivity,
    double specificity,
    int replications,
    long seed,
    int threads)
    implements RunRequest<ScreeningRequest.Outcome> {

  /** The most replications of one screening. */
  public static final int MAX_REPLICATIONS = 1_000_000;

  /**
   * What a screening found.
   *
   * @param report the expected counts and shares
   * @param origin the origin screened
   */
  public record Outcome(Screening.Report report, Origin origin) {}

  /** Checks the settings and that the country is an origin of the scenario. */
  public ScreeningRequest {
    RunRequest.requireScenario(scenario);
    share("sensitivity", sensitivity);
    share("specificity", specificity);
    if (window < 1 || window > 240) {
      throw InputException.field("window", "must be between 1 and 240, not " + window);
    }
    int horizon = scenario.scenario().months();
    if (month < 0 || month > horizon) {
      throw InputException.field(
          "month", "must be between 0 and the horizon " + horizon + ", not " + month);
    }
    RunRequest.checkReplications(replications, MAX_REPLICATIONS);
    RunRequest.checkThreads(threads);
    country = country == null ? "" : country.trim().toUpperCase(Locale.ROOT);
    origin(scenario.scenario(), country);
  }

  private static void share(String field, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw InputException.field(field, "must be between 0 and 1, not " + v);
    }
  }

  private static Origin origin(Scenario s, String code) {
    return s.origins().stream()
        .filter(o -> o.id().equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                InputException.field(
                    "country",
                    code
                        + " is not an origin of scenario "
                        + s.name()
                        + " (its origins: "
                        + String.join(", ", s.origins().stream().map(o -> o.id()).sorted().toList())
                        + ")"));
  }

  @Override
  public RunKind kind() {
    return RunKind.SCREENING;
  }

  @Override
  public RunResult<Outcome> execute(
      Provenance provenance, IntConsumer progress, Cancellation cancellation) {
    Instant started = Instant.now();
    cancellation.check();
    Scenario s = scenario.scenario();
    Origin origin = origin(s, country);
    Screening.Report r =
        Screening.run(
            new CompiledModel(s),
            origin.id(),
            month,
            window,
            new ScreeningTest(sensitivity, specificity),
            replications,
            seed,
            threads);
    cancellation.check();
    Instant finished = Instant.now();
    String manifest =
        ManifestBuilder.of(kind(), scenario)
            .put("country", origin.id())
            .put("month", month)
            .put("window", window)
            .put("sensitivity", sensitivity)
            .put("specificity", specificity)
            .put("runs", replications)
            .put("seed", seed)
            .put("threads", threads)
            .build(provenance, started, finished);
    return new RunResult<>(
        kind(),
        scenario,
        replications,
        seed,
        null,
        new Outcome(r, origin),
        manifest,
        null,
        dir -> {
          ScreeningOutputs.writeCsv(r, dir.resolve("screening.csv"));
          ScreeningOutputs.writeHtml(
              r, s.name(), origin.name(), s.start(), dir.resolve("screening.html"));
        },
        started,
        finished);
  }
}
