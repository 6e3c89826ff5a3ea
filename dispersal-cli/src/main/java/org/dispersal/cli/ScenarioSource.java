package org.dispersal.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.dispersal.app.hindcast.StockChoice;
import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.input.data.SharedData;
import org.dispersal.input.scenario.HypothesisScenario;
import org.dispersal.input.scenario.ScenarioReader;
import org.dispersal.model.Origin;
import org.dispersal.model.Scenario;

/**
 * Wires the scenario reader to the shipped data: the one place that loads scenarios for commands.
 */
final class ScenarioSource {

  /**
   * A scenario as run, with the text it was read from (for the manifest's hash) and its competing
   * hypotheses (null when it declares none), which the reader reads and checks with it anyway.
   */
  record Loaded(Scenario scenario, String text, HypothesisSet hypotheses) {}

  private ScenarioSource() {}

  /**
   * The shipped origins by as-of date, built once per date in a process: the default forecast reads
   * its scenario once for each hypothesis, and the origins (the shipped data read and allocated by
   * the stock rule) are the same every time. The lists are immutable.
   */
  private static final Map<Shipped, List<Origin>> SHIPPED_ORIGINS = new ConcurrentHashMap<>();

  /** The key of the shipped origins: the stock rule and the date. */
  private record Shipped(StockChoice stocks, LocalDate asOf) {}

  /** The reader with shipped origins (the latest-figure stock rule) and the given overrides. */
  static ScenarioReader reader(List<String> overrides) {
    return reader(overrides, StockChoice.LATEST);
  }

  /** The reader with shipped origins built by a stock rule and the given overrides. */
  static ScenarioReader reader(List<String> overrides, StockChoice stocks) {
    return ScenarioReader.withDefaults()
        .withSharedOrigins(d -> shippedOrigins(stocks, d))
        .withOverrides(overrides);
  }

  /** The origins of the shipped data as of a date by a rule (built on first use, then kept). */
  static List<Origin> shippedOrigins(StockChoice stocks, LocalDate asOf) {
    return SHIPPED_ORIGINS.computeIfAbsent(
        new Shipped(stocks, asOf),
        k -> List.copyOf(k.stocks().origins(SharedData.shipped(), k.asOf())));
  }

  /** Loads a built-in scenario or a file, applying {@code --set} overrides. */
  static Loaded load(String nameOrPath, List<String> overrides) {
    HypothesisScenario s = reader(overrides).readWithHypotheses(nameOrPath);
    return new Loaded(s.scenario(), text(nameOrPath), s.hypotheses());
  }

  /** The built-in scenario names. */
  static List<String> builtIns() {
    return ScenarioReader.builtInNames();
  }

  /** The text of a built-in scenario or a file, as written (empty if there is none). */
  static String text(String nameOrPath) {
    return Objects.requireNonNullElse(ScenarioReader.text(nameOrPath), "");
  }
}
