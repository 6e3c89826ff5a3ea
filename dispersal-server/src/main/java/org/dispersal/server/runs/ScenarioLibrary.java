package org.dispersal.server.runs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.dispersal.app.hindcast.StockChoice;
import org.dispersal.input.data.SharedData;
import org.dispersal.input.scenario.HypothesisScenario;
import org.dispersal.input.scenario.Problem;
import org.dispersal.input.scenario.ScenarioException;
import org.dispersal.input.scenario.ScenarioReader;
import org.dispersal.model.Origin;
import org.dispersal.model.Place;
import org.dispersal.model.Scenario;
import org.dispersal.server.ApiException;
import org.dispersal.server.ApiException.FieldError;

/**
 * Reads scenario text the way {@code dispersal forecast} does: the same reader, the same shipped
 * data for {@code origins: shared-data}, the same validation rules, so a scenario that the service
 * accepts runs the same on the command line. Problems come back as field errors with their lines.
 */
public final class ScenarioLibrary {

  private final SharedData data = SharedData.shipped();
  private final ScenarioReader reader = StockChoice.LATEST.reader(data);
  private final String dataVersion;

  /** A library over the data shipped with the program. */
  public ScenarioLibrary() {
    this.dataVersion = computeDataVersion();
  }

  /**
   * Reads and checks scenario text.
   *
   * @param yaml the text
   * @param name the scenario's name, shown in problems
   * @return the valid scenario
   * @throws ApiException 422 with every problem when the text is not a valid scenario
   */
  public Scenario parse(String yaml, String name) {
    return valid(() -> reader.parse(yaml, name + ".yaml"));
  }

  /**
   * Reads and checks scenario text with initial stocks as of a date and parameter overrides, as
   * {@code dispersal calibrate --as-of} and {@code --set} do.
   *
   * @param asOf the date of the initial stocks, or null for the scenario's own
   * @param overrides {@code NAME=VALUE} overrides, in order
   * @throws ApiException 422 with every problem when the text is not a valid scenario
   */
  public Scenario parse(String yaml, String name, LocalDate asOf, List<String> overrides) {
    return parse(yaml, name, asOf, overrides, StockChoice.LATEST);
  }

  /**
   * Reads and checks scenario text with initial stocks as of a date built by a stock rule, as
   * {@code dispersal hindcast --stocks} and {@code dispersal forecast --as-of DATE --stocks} do.
   *
   * @param asOf the date of the initial stocks, or null for the scenario's own
   * @param overrides {@code NAME=VALUE} overrides, in order
   * @param stocks the rule that builds {@code origins: shared-data} from the figures public by the
   *     date
   * @throws ApiException 422 with every problem when the text is not a valid scenario
   */
  public Scenario parse(
      String yaml, String name, LocalDate asOf, List<String> overrides, StockChoice stocks) {
    ScenarioReader r = stocks == StockChoice.LATEST ? reader : stocks.reader(data);
    return valid(() -> r.withAsOf(asOf).withOverrides(overrides).parse(yaml, name + ".yaml"));
  }

  /**
   * Reads and checks scenario text with its competing hypotheses and indicators, as {@code
   * dispersal update} does.
   *
   * @param yaml the text
   * @param name the scenario's name, shown in problems
   * @return the valid scenario and its hypotheses (null when it declares none)
   * @throws ApiException 422 with every problem when the text is not a valid scenario
   */
  public HypothesisScenario parseWithHypotheses(String yaml, String name) {
    return valid(() -> reader.parseWithHypotheses(yaml, name + ".yaml"));
  }

  /** What {@code read} reads, or 422 with every problem when the text is not a valid scenario. */
  private static <T> T valid(Supplier<T> read) {
    try {
      return read.get();
    } catch (ScenarioException e) {
      List<FieldError> errors = errors(e.problems());
      throw ApiException.invalid(
          errors.size() + (errors.size() == 1 ? " problem" : " problems") + " in the scenario",
          errors);
    }
  }

  /** Every problem of the text; empty when it is a valid scenario. */
  public List<FieldError> check(String yaml, String name) {
    try {
      reader.parse(yaml, name + ".yaml");
      return List.of();
    } catch (ScenarioException e) {
      return errors(e.problems());
    }
  }

  /** The built-in scenarios' names and texts, in the order the CLI lists them. */
  public static Map<String, String> builtIns() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : ScenarioReader.builtInNames()) {
      out.put(name, resource(ScenarioReader.BUILT_IN_DIRECTORY + name + ".yaml"));
    }
    return out;
  }

  /** The origins of the reference scenario {@code isis-2017}, in its order. */
  public List<Origin> referenceOrigins() {
    return new ArrayList<>(reader.readBuiltIn("isis-2017").origins());
  }

  /** The places (theatres, transit) of the reference scenario {@code isis-2017}, in its order. */
  public List<Place> referencePlaces() {
    return new ArrayList<>(reader.readBuiltIn("isis-2017").places());
  }

  /** The version of the shipped data, as recorded in manifests. */
  public String dataVersion() {
    return dataVersion;
  }

  private static List<FieldError> errors(List<Problem> problems) {
    List<FieldError> out = new ArrayList<>();
    for (Problem p : problems) {
      StringBuilder m = new StringBuilder();
      if (p.value() != null) {
        m.append('\'').append(p.value()).append("' ");
      }
      m.append(p.message());
      if (!p.allowed().isEmpty()) {
        m.append(" (allowed: ").append(String.join(", ", p.allowed())).append(')');
      }
      out.add(
          new FieldError(
              p.line() > 0 ? p.line() : null,
              p.field().isEmpty() ? null : p.field(),
              m.toString()));
    }
    return out;
  }

  private static String resource(String path) {
    try (InputStream in = ScenarioLibrary.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path + " (a build error)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A hash over the shipped data files, the same as the CLI records. */
  private static String computeDataVersion() {
    return SharedData.shippedVersion();
  }
}
