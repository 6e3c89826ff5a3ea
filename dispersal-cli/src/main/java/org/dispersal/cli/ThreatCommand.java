package org.dispersal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dispersal.analyst.ThreatOutlook;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.threat.ThreatRequest;
import org.dispersal.cli.ScenarioSource.Loaded;
import org.dispersal.model.Scenario;
import org.dispersal.output.analyst.ThreatOutputs;
import org.dispersal.output.text.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dispersal threat}: the threat outlook per destination country and month (operatives at
 * large, plots, attacks) with intervals, top countries first.
 */
@Command(
    name = "threat",
    mixinStandardHelpOptions = true,
    description =
        "Threat outlook per destination country and month: operatives at large, plots"
            + " and attacks with intervals; writes threat.csv, threat.json and threat.html and"
            + " keeps them in the run store.")
final class ThreatCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin QuietOption quiet;

  @Mixin AnalystOptions options;

  @Mixin StoreOption store;

  @Option(
      names = "--top",
      paramLabel = "K",
      defaultValue = "10",
      description = "Destinations listed on the terminal (default: ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() throws IOException {
    int runs = options.runs();
    if (top < 1) {
      throw new UserException("--top must be at least 1, not " + top);
    }
    Loaded loaded = ScenarioSource.load(options.scenario.scenario, options.overrides.sets);
    Scenario s = loaded.scenario();
    ThreatRequest request =
        new ThreatRequest(
            new ScenarioInput(s, loaded.text()), runs, options.seed.value, options.threads());
    var err = spec.commandLine().getErr();
    Path dir = options.outDir("threat", s.name());
    store.run(
        request,
        Json.MAPPER.createObjectNode().put("threads", options.threads()).toString(),
        dir,
        "dispersal threat",
        spec,
        () -> new Progress(err, runs, quiet.progress()),
        result -> print(s, request, result.value(), dir));
    return 0;
  }

  private void print(Scenario s, ThreatRequest request, ThreatOutlook.Outlook o, Path dir) {
    int runs = request.replications();
    Map<String, String> names = request.originNames();
    var out = spec.commandLine().getOut();
    int mid = Math.min(12, s.months());
    out.printf(
        Locale.ROOT,
        "Threat outlook %s: %d replications, seed %d; mean [90%% interval]%n",
        s.name(),
        runs,
        options.seed.value);
    out.printf(
        Locale.ROOT,
        "%-36s %20s %20s %20s%n",
        "Destination",
        "at large " + s.start().plusMonths(mid),
        "plots to " + s.start().plusMonths(s.months()),
        "attacks to " + s.start().plusMonths(s.months()));
    for (int r = 0; r < Math.min(top, o.ranking().length); r++) {
      int d = o.ranking()[r];
      String id = o.destinations().get(d);
      out.println(ThreatOutputs.line(o, d, names.getOrDefault(id, id) + " (" + id + ")"));
    }
    out.printf(
        Locale.ROOT,
        "Operatives ever dispatched: %.1f%% [%.1f%%-%.1f%%] of those who came"
            + " home or were dispatched (Hegghammer's ceiling: 1 in 9)%n",
        100 * o.dispatchedShare().mean(),
        100 * o.dispatchedShare().p05(),
        100 * o.dispatchedShare().p95());
    out.println("Wrote " + dir.resolve("threat.csv") + ", threat.json, threat.html");
  }
}
