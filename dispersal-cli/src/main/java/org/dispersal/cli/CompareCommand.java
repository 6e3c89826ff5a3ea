package org.dispersal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dispersal.analyst.Interval;
import org.dispersal.analyst.VariantComparison;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.comparison.ComparisonRequest;
import org.dispersal.model.Scenario;
import org.dispersal.output.analyst.ComparisonOutputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dispersal compare}: runs scenario variants with common random numbers and reports the
 * paired differences of the headline outputs from the first variant at several months (by default
 * +6, +12, +24 and +36, capped at the horizon).
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Compare scenario variants with common random numbers; writes compare.csv and"
            + " compare.html.")
final class CompareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin QuietOption quiet;

  @Mixin AnalystOptions options;

  @Mixin StoreOption store;

  @Option(
      names = "--variant",
      paramLabel = "NAME|FILE[;NAME=VALUE...]",
      required = true,
      description =
          "A variant: a built-in scenario name or file, optionally followed by"
              + " ;-separated overrides (e.g. 'isis-2017;border_closure=0.95'). Repeat; the first is"
              + " the base.")
  List<String> variants = new ArrayList<>();

  @Option(
      names = {"--months", "--month"},
      paramLabel = "M[,M...]",
      split = ",",
      description =
          "Months after the start at which to compare (default: 6,12,24,36, each capped at the"
              + " horizon).")
  List<Integer> months = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    int runs = options.runs();
    int threads = options.threads();
    if (variants.size() < 2) {
      throw new UserException(
          "--variant must be given at least twice (the base, then the"
              + " variants), not "
              + variants.size()
              + " time"
              + (variants.size() == 1 ? "" : "s"));
    }
    List<ComparisonRequest.Variant> list = new ArrayList<>();
    for (String spec : variants) {
      String[] parts = spec.split(";");
      String source = parts[0].trim();
      if (source.isEmpty()) {
        throw new UserException("--variant " + spec + " names no scenario");
      }
      List<String> sets = new ArrayList<>(options.overrides.sets);
      Arrays.stream(parts).skip(1).map(String::trim).filter(p -> !p.isEmpty()).forEach(sets::add);
      ScenarioSource.Loaded loaded = ScenarioSource.load(source, sets);
      Scenario s = loaded.scenario();
      String described = s.description() == null ? "" : s.description().trim();
      if (parts.length > 1) {
        described +=
            " Overrides: "
                + String.join(", ", sets.subList(options.overrides.sets.size(), sets.size()));
      }
      list.add(new ComparisonRequest.Variant(spec, new ScenarioInput(s, loaded.text()), described));
    }
    Scenario first = list.get(0).scenario().scenario();
    for (int m : months) {
      if (m < 0 || m > first.months()) {
        throw new UserException(
            "--months must each be between 0 and the horizon " + first.months() + ", not " + m);
      }
    }
    ComparisonRequest request =
        new ComparisonRequest(
            list,
            months.isEmpty() ? ComparisonRequest.defaultMonths(list) : months,
            runs,
            options.seed.value,
            threads);
    var err = spec.commandLine().getErr();
    Path dir = options.outDir("compare", first.name());
    store.run(
        request,
        null,
        dir,
        "dispersal compare",
        spec,
        () -> Progress.working(err, "comparing variants", quiet.progress()),
        run -> print(first, runs, run.value(), dir));
    return 0;
  }

  private void print(Scenario first, int runs, VariantComparison.Comparison c, Path dir) {
    var o = spec.commandLine().getOut();
    List<String> whens =
        c.months().stream().map(m -> ComparisonOutputs.when(m, first.start())).toList();
    o.printf(
        Locale.ROOT,
        "Compared %d variants at months %s, %d replications each, seed %d, common random"
            + " numbers%n",
        c.names().size(),
        String.join(", ", whens),
        runs,
        options.seed.value);
    o.printf(
        Locale.ROOT, "Base %s; difference from the base: mean [90%% interval]%n", c.names().get(0));
    for (int v = 1; v < c.names().size(); v++) {
      o.println(c.names().get(v));
      for (int t = 0; t < c.months().size(); t++) {
        o.println("  month " + whens.get(t));
        for (int k = 0; k < VariantComparison.HEADLINES.size(); k++) {
          Interval d = c.difference(t, v, k);
          Interval b = c.level(t, 0, k);
          o.printf(
              Locale.ROOT,
              "    %-40s base %10.1f   %+10.1f [%+.1f, %+.1f]%s%n",
              VariantComparison.HEADLINES.get(k).label(),
              b.mean(),
              d.mean(),
              d.p05(),
              d.p95(),
              ComparisonOutputs.clear(d) ? " *" : "");
        }
      }
    }
    if (!c.homeByCountry().isEmpty()) {
      o.println("Women and minors back home, country by country (repatriation policy changed)");
      for (int v = 1; v < c.names().size(); v++) {
        o.println(c.names().get(v));
        for (VariantComparison.CountryHome h : c.homeByCountry()) {
          for (int t = 0; t < c.months().size(); t++) {
            Interval d = h.differences()[t][v];
            Interval b = h.levels()[t][0];
            o.printf(
                Locale.ROOT,
                "    %-3s %-6s month %-3d base %10.1f   %+10.1f [%+.1f, %+.1f]%s%n",
                h.country(),
                h.demographic().id(),
                c.months().get(t),
                b.mean(),
                d.mean(),
                d.p05(),
                d.p95(),
                ComparisonOutputs.clear(d) ? " *" : "");
          }
        }
      }
    }
    o.println("* the 90% interval of the paired differences excludes zero");
    o.println(
        "Wrote "
            + dir.resolve("compare.csv")
            + ", compare.html"
            + (c.homeByCountry().isEmpty() ? "" : ", compare-countries.csv"));
  }
}
