package org.dispersal.app.comparison;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.dispersal.analyst.VariantComparison;
import org.dispersal.app.Cancellation;
import org.dispersal.app.ManifestBuilder;
import org.dispersal.app.Provenance;
import org.dispersal.app.RunRequest;
import org.dispersal.app.RunResult;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.problem.InputException;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Scenario;
import org.dispersal.output.analyst.ComparisonOutputs;
import org.dispersal.store.RunKind;

/**
 * A comparison of scenario variants with common random numbers: the headline outputs of each at
 * several months and their paired differences from the first, the base ({@link VariantComparison});
 * writes compare.csv and compare.html, and compare-countries.csv when a variant changes a country's
 * repatriation policy.
 *
 * @param variants the base, then at least one variant; all start in the same month and run as long
 * @param months the months compared, each 0 to the horizon, at least one (kept ascending, without
 *     repeats); {@link #defaultMonths} when the analyst names none
 * @param replications replications of each variant, 1 to {@link #MAX_REPLICATIONS}
 * @param seed the master seed, common to every variant
 * @param threads worker threads, at least 1
 */
public record ComparisonRequest(
    List<Variant> variants, List<Integer> months, int replications, long seed, int threads)
    implements RunRequest<VariantComparison.Comparison> {

  /** The most replications of each variant. */
  public static final int MAX_REPLICATIONS = 1_000_000;

  /**
   * One variant: a scenario with its overrides.
   *
   * @param name how it is named in the outputs (the command line's {@code --variant} text)
   * @param scenario the scenario as run
   * @param description what it is, for the report
   */
  public record Variant(String name, ScenarioInput scenario, String description) {}

  /** Checks the variants line up and the settings are in range. */
  public ComparisonRequest {
    variants = List.copyOf(variants);
    if (variants.size() < 2) {
      throw InputException.field(
          "variants",
          "must name at least two scenarios (the base, then the variants), not " + variants.size());
    }
    Scenario first = variants.get(0).scenario().scenario();
    for (Variant v : variants.subList(1, variants.size())) {
      Scenario s = v.scenario().scenario();
      if (s.months() != first.months() || !s.start().equals(first.start())) {
        throw InputException.field(
            "variants",
            v.name()
                + " starts "
                + s.start()
                + " with "
                + s.months()
                + " months; the base starts "
                + first.start()
                + " with "
                + first.months());
      }
    }
    if (months.isEmpty()) {
      throw InputException.field("months", "must name at least one month");
    }
    for (int month : months) {
      if (month < 0 || month > first.months()) {
        throw InputException.field(
            "months",
            "must each be between 0 and the horizon " + first.months() + ", not " + month);
      }
    }
    months = months.stream().distinct().sorted().toList();
    if (replications < 1 || replications > MAX_REPLICATIONS) {
      throw InputException.field(
          "replications", "must be between 1 and " + MAX_REPLICATIONS + ", not " + replications);
    }
    if (threads < 1) {
      throw InputException.field("threads", "must be at least 1, not " + threads);
    }
  }

  /**
   * The months compared when the analyst names none: +6, +12, +24 and +36 capped at the base's
   * horizon ({@link VariantComparison#defaultMonths}).
   */
  public static List<Integer> defaultMonths(List<Variant> variants) {
    return variants.isEmpty()
        ? VariantComparison.DEFAULT_MONTHS
        : VariantComparison.defaultMonths(variants.get(0).scenario().scenario().months());
  }

  @Override
  public RunKind kind() {
    return RunKind.COMPARISON;
  }

  /** The base, whose scenario the run is filed under. */
  @Override
  public ScenarioInput scenario() {
    return variants.get(0).scenario();
  }

  @Override
  public RunResult<VariantComparison.Comparison> execute(
      Provenance provenance, IntConsumer progress, Cancellation cancellation) {
    Instant started = Instant.now();
    cancellation.check();
    List<VariantComparison.Variant> list = new ArrayList<>();
    List<String> descriptions = new ArrayList<>();
    for (Variant v : variants) {
      list.add(new VariantComparison.Variant(v.name(), new CompiledModel(v.scenario().scenario())));
      descriptions.add(v.description() == null ? "" : v.description());
    }
    VariantComparison.Comparison c =
        VariantComparison.run(list, months, replications, seed, threads);
    cancellation.check();
    Instant finished = Instant.now();
    String manifest =
        ManifestBuilder.of(kind(), scenario())
            .put("variants", variants.stream().map(Variant::name).toList())
            .putNumbers("months", months)
            .put("runs", replications)
            .put("seed", seed)
            .put("threads", threads)
            .build(provenance, started, finished);
    var start = scenario().scenario().start();
    return new RunResult<>(
        kind(),
        scenario(),
        replications,
        seed,
        null,
        c,
        manifest,
        null,
        dir -> {
          ComparisonOutputs.writeCsv(c, dir.resolve("compare.csv"));
          if (!c.homeByCountry().isEmpty()) {
            ComparisonOutputs.writeCountriesCsv(c, dir.resolve("compare-countries.csv"));
          }
          ComparisonOutputs.writeHtml(c, descriptions, start, dir.resolve("compare.html"));
        },
        started,
        finished);
  }
}
