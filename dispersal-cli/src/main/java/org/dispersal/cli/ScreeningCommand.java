package org.dispersal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dispersal.analyst.Interval;
import org.dispersal.analyst.Screening;
import org.dispersal.app.Cancellation;
import org.dispersal.app.RunResult;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.artifacts.FolderSink;
import org.dispersal.app.screening.ScreeningRequest;
import org.dispersal.model.Origin;
import org.dispersal.model.Scenario;
import org.dispersal.output.analyst.ScreeningOutputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dispersal screening}: what a returnee screening tool of stated accuracy would flag, miss
 * and wrongly flag among one country's returnees, with the base rate from the forecast.
 */
@Command(
    name = "screening",
    mixinStandardHelpOptions = true,
    description =
        "Expected results of screening a country's returnees, with the base rate from the"
            + " forecast; writes screening.csv and screening.html.")
final class ScreeningCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin QuietOption quiet;

  @Mixin AnalystOptions options;

  @Option(
      names = "--country",
      paramLabel = "ISO3",
      required = true,
      description = "Origin country (ISO 3166-1 alpha-3, as in the scenario's origins), e.g. FRA.")
  String country;

  @Option(
      names = "--sensitivity",
      paramLabel = "S",
      required = true,
      description = "Share of committed returnees the tool flags, in [0, 1].")
  double sensitivity;

  @Option(
      names = "--specificity",
      paramLabel = "C",
      required = true,
      description = "Share of the other returnees the tool clears, in [0, 1].")
  double specificity;

  @Option(
      names = "--month",
      paramLabel = "M",
      defaultValue = "24",
      description =
          "Months after the scenario's start at which to screen (default: ${DEFAULT-VALUE}).")
  int month;

  @Option(
      names = "--window",
      paramLabel = "W",
      defaultValue = "" + Screening.DEFAULT_WINDOW,
      description =
          "Months ahead in which a non-cooperating returnee's re-engagement counts as"
              + " still committed (default: ${DEFAULT-VALUE}).")
  int window;

  @Override
  public Integer call() throws IOException {
    checkShare("--sensitivity", sensitivity);
    checkShare("--specificity", specificity);
    int runs = options.runs();
    int threads = options.threads();
    if (window < 1 || window > 240) {
      throw new UserException("--window must be between 1 and 240, not " + window);
    }
    ScenarioSource.Loaded loaded =
        ScenarioSource.load(options.scenario.scenario, options.overrides.sets);
    Scenario s = loaded.scenario();
    if (month < 0 || month > s.months()) {
      throw new UserException(
          "--month must be between 0 and the horizon " + s.months() + ", not " + month);
    }
    String code = country.trim().toUpperCase(Locale.ROOT);
    if (s.origins().stream().noneMatch(o -> o.id().equals(code))) {
      throw new UserException(
          "--country "
              + country
              + " is not an origin of scenario "
              + s.name()
              + " (its origins: "
              + String.join(", ", s.origins().stream().map(o -> o.id()).sorted().toList())
              + ")");
    }
    RunResult<ScreeningRequest.Outcome> run;
    try (Progress bar =
        Progress.working(spec.commandLine().getErr(), "screening", quiet.progress())) {
      run =
          new ScreeningRequest(
                  new ScenarioInput(s, loaded.text()),
                  code,
                  month,
                  window,
                  sensitivity,
                  specificity,
                  runs,
                  options.seed.value,
                  threads)
              .execute(Versions.provenance(), bar, Cancellation.NEVER);
    }
    Screening.Report r = run.value().report();
    Origin origin = run.value().origin();
    Path dir = run.keep(new FolderSink(options.outDir("screening", s.name())));
    var o = spec.commandLine().getOut();
    o.printf(
        Locale.ROOT,
        "Screening the returnees of %s (%s) at month %d (%s), %s; %d replications," + " seed %d%n",
        origin.name(),
        origin.id(),
        month,
        s.start().plusMonths(month),
        s.name(),
        runs,
        options.seed.value);
    o.printf(
        Locale.ROOT,
        "Tool: sensitivity %s, specificity %s; committed = at large at home +"
            + " re-engaging within %d months%n",
        sensitivity,
        specificity,
        window);
    o.printf(Locale.ROOT, "%-32s%14s%24s%n", "", "mean", "median [90% interval]");
    for (ScreeningOutputs.Row row : ScreeningOutputs.rows(r)) {
      Interval i = row.value();
      o.printf(
          Locale.ROOT,
          "%-32s%14s%24s%n",
          row.label(),
          fmt(i.mean(), row.share()),
          fmt(i.p50(), row.share())
              + " ["
              + fmt(i.p05(), row.share())
              + "-"
              + fmt(i.p95(), row.share())
              + "]");
    }
    o.println(ScreeningOutputs.naturalSentence(r.natural()));
    o.println("Wrote " + dir.resolve("screening.csv") + ", screening.html");
    return 0;
  }

  private static void checkShare(String flag, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new UserException(flag + " must be between 0 and 1, not " + v);
    }
  }

  private static String fmt(double v, boolean share) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return share
        ? String.format(Locale.ROOT, "%.1f%%", 100 * v)
        : String.format(Locale.ROOT, "%,.1f", v);
  }
}
