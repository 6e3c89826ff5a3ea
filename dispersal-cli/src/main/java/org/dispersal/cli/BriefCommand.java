package org.dispersal.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dispersal.app.Cancellation;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.brief.BriefRequest;
import org.dispersal.input.scenario.HypothesisScenario;
import org.dispersal.output.brief.Brief;
import org.dispersal.store.RunKind;
import org.dispersal.store.RunStatus;
import org.dispersal.store.Store;
import org.dispersal.store.StoreException;
import org.dispersal.store.StoredRun;
import org.dispersal.store.SummaryFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dispersal brief [--scenario S | --run ID] --out brief.pdf}: a PDF of two to four pages for
 * a policymaker, from a forecast run now or a stored one.
 */
@Command(
    name = "brief",
    mixinStandardHelpOptions = true,
    description = {
      "Write a policymaker's brief as PDF: key judgements in ICD 203 words with the numbers behind"
          + " them, the headline table, a fan chart, the top drivers, the indicators to watch, the"
          + " track record and the sources."
    })
final class BriefCommand implements Callable<Integer> {

  /** Replications of a forecast run for the brief when --runs is not given. */
  static final int DEFAULT_RUNS = 1000;

  private static final String QUIET_FONTS =
      "org.slf4j.simpleLogger.log.org.apache.pdfbox.pdmodel.font";

  @Spec CommandSpec spec;

  @Option(
      names = "--scenario",
      paramLabel = "NAME|FILE",
      description = "Built-in scenario name or scenario file to forecast now (default: isis-2017).")
  String scenario;

  @Option(
      names = "--run",
      paramLabel = "ID",
      description = "Brief a stored forecast run instead (see dispersal runs).")
  Long run;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "PDF to write (default: brief-<scenario>.pdf in the current folder).")
  Path out;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "" + DEFAULT_RUNS,
      description = "Replications of a forecast run now (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--drivers",
      paramLabel = "TRAJECTORIES",
      defaultValue = "" + BriefRequest.DEFAULT_TRAJECTORIES,
      description =
          "Morris trajectories of the drivers' screening, 2 to 50; 0 leaves the drivers out"
              + " (default: ${DEFAULT-VALUE}).")
  int trajectories;

  @Mixin SeedOption seedOption;

  @Mixin ThreadsOption threads;

  @Mixin DatabaseOption database;

  @Override
  public Integer call() throws Exception {
    if (scenario != null && run != null) {
      throw new UserException("give --scenario or --run, not both");
    }
    if (runs < 1 || runs > 1_000_000) {
      throw new UserException("--runs must be between 1 and 1000000, not " + runs);
    }
    if (trajectories < 0 || trajectories == 1 || trajectories > BriefRequest.MAX_TRAJECTORIES) {
      throw new UserException(
          "--drivers must be 0 (no screening) or between 2 and "
              + BriefRequest.MAX_TRAJECTORIES
              + ", not "
              + trajectories);
    }
    if (out != null && Files.isDirectory(out)) {
      throw new UserException("--out " + out + " is a folder; give a file name such as brief.pdf");
    }
    int workers = threads.workers();
    long seed = seedOption.value;
    // PDFBox warns once that it substitutes a metric-compatible font for the standard Symbol font
    // it never draws with; the warning means nothing to the reader of a brief.
    if (System.getProperty(QUIET_FONTS) == null) {
      System.setProperty(QUIET_FONTS, "error");
    }
    long t0 = System.nanoTime();
    BriefRequest request = run == null ? live(workers, seed) : stored(workers, seed);
    Brief brief = request.build(Versions.provenance(), done -> {}, Cancellation.NEVER);
    Path file = out != null ? out : Path.of("brief-" + brief.scenario().name() + ".pdf");
    brief.writePdf(file);
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "Brief of %s (%s) written to %s (%,d bytes) in %.1f s.%n",
            brief.scenario().name(),
            brief.forecast().origin().toLowerCase(Locale.ROOT),
            file,
            Files.size(file),
            (System.nanoTime() - t0) / 1e9);
    return 0;
  }

  private BriefRequest live(int workers, long seed) {
    String name = scenario == null ? "isis-2017" : scenario;
    HypothesisScenario read = ScenarioSource.reader(List.of()).readWithHypotheses(name);
    return new BriefRequest(
        new ScenarioInput(read.scenario(), ScenarioSource.text(name)),
        read.hypotheses(),
        null,
        runs,
        seed,
        workers,
        trajectories,
        BriefRequest.DEFAULT_POINT_REPLICATIONS);
  }

  /** Why the stored run --run names cannot be briefed, as one line. */
  private UserException notBriefable(String why) {
    return new UserException("run " + run + " " + why);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private BriefRequest stored(int workers, long seed) {
    try (Store store = Store.open(database.url())) {
      StoredRun r =
          store
              .runs()
              .find(run)
              .orElseThrow(() -> new UserException("there is no run " + run + " in the store"));
      if (r.kind() != RunKind.FORECAST) {
        throw notBriefable("is a " + lower(r.kind()) + " run; a brief needs a forecast");
      }
      if (r.status() != RunStatus.SUCCEEDED) {
        throw notBriefable("has not succeeded (" + lower(r.status()) + ")");
      }
      String yaml =
          store
              .runs()
              .scenarioYaml(run)
              .orElseThrow(() -> new UserException("run " + run + " keeps no scenario text"));
      HypothesisScenario read =
          ScenarioSource.reader(List.of()).parseWithHypotheses(yaml, r.scenarioName() + ".yaml");
      return BriefRequest.ofStoredRun(
          r,
          yaml,
          read,
          store.runs().summary(run, SummaryFilter.all()),
          seed,
          workers,
          trajectories);
    } catch (StoreException e) {
      throw new UserException(e.getMessage());
    }
  }
}
